import fp from 'fastify-plugin';
import { startChangeBus, type ChangeBus } from '../db/change-bus.ts';

declare module 'fastify' {
  interface FastifyInstance {
    changes: ChangeBus;
    /** Closers of the open event streams; ended before the server closes so shutdown does not hang. */
    openStreams: Set<() => void>;
  }
}

export const changeBusPlugin = fp(
  async (app) => {
    const changes = await startChangeBus(app.database, app.log);
    const openStreams = new Set<() => void>();
    app.decorate('changes', changes);
    app.decorate('openStreams', openStreams);
    app.addHook('preClose', async () => {
      for (const close of [...openStreams]) close();
    });
    app.addHook('onClose', async () => {
      await changes.close();
    });
  },
  { name: 'change-bus', dependencies: ['database'] },
);
