import pg from 'pg';
import { CHANGES_CHANNEL, type ChangeTopic } from './change-channel.ts';
import type { Database } from './database.ts';

export type ChangeListener = (topic: ChangeTopic) => void;

export interface ChangeBus {
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

interface Logger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * Fans out commit notifications to this process's streams. PGlite: LISTEN in process. PostgreSQL:
 * one dedicated connection LISTENs, so a push handled by another server process reaches our
 * streams too; after a lost connection every listener is told to re-read both topics, since
 * notifications sent meanwhile are gone.
 */
export async function startChangeBus(database: Database, log: Logger): Promise<ChangeBus> {
  const listeners = new Set<ChangeListener>();
  const emit = (topic: ChangeTopic) => {
    for (const listener of listeners) listener(topic);
  };
  const onPayload = (payload: string | undefined) => {
    if (payload === 'events' || payload === 'reference') emit(payload);
  };
  let stop: () => Promise<void>;

  if (database.kind === 'pglite' && database.pglite) {
    const unlisten = await database.pglite.listen(CHANGES_CHANNEL, onPayload);
    stop = () => unlisten();
  } else if (database.url) {
    stop = await listenOnPostgres(database.url, onPayload, () => {
      emit('events');
      emit('reference');
    }, log);
  } else {
    throw new Error('change bus: the database has neither PGlite nor a PostgreSQL URL');
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await stop();
    },
  };
}

async function listenOnPostgres(
  url: string,
  onPayload: (payload: string | undefined) => void,
  onReconnect: () => void,
  log: Logger,
): Promise<() => Promise<void>> {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => onPayload(message.payload));
    next.on('error', (error) => log.warn({ err: error }, 'change bus connection failed'));
    next.on('end', () => {
      if (closed || client !== next) return;
      client = null;
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    client = next;
  };
  const scheduleReconnect = (delayMs = 1000) => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => {
          log.info({}, 'change bus reconnected');
          onReconnect();
        },
        (error: unknown) => {
          log.warn({ err: error }, 'change bus reconnect failed');
          scheduleReconnect(Math.min(delayMs * 2, 30_000));
        },
      );
    }, delayMs);
  };

  await connect();
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}
