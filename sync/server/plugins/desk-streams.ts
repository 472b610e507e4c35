import fp from 'fastify-plugin';
import { createDeskStreams, DEFAULT_DESK_STREAM_OPTIONS, type DeskStreamOptions, type DeskStreams } from '../domain/desk-streams.ts';
import { validCredentialHashes } from '../repositories/desks.ts';

export type { DeskStreamOptions };

declare module 'fastify' {
  interface FastifyInstance {
    /** The open event streams: limited per desk credential, closed when it is revoked or replaced. */
    deskStreams: DeskStreams;
  }
}

export const deskStreamsPlugin = fp<Partial<DeskStreamOptions>>(
  async (app, options) => {
    const streams = createDeskStreams({
      ...DEFAULT_DESK_STREAM_OPTIONS,
      ...options,
      stillValid: (hashes) => validCredentialHashes(app.database.db, hashes),
      onRecheckFailed: (error) => app.log.warn({ err: error }, 'could not re-check the credentials of open streams'),
    });
    app.decorate('deskStreams', streams);
    // Before the server closes, or open streams would hold it open.
    app.addHook('preClose', async () => {
      streams.closeAll();
    });
  },
  { name: 'desk-streams', dependencies: ['database'] },
);
