import fp from 'fastify-plugin';
import { startChangeBus, type ChangeBus } from '../db/change-bus.ts';

declare module 'fastify' {
  interface FastifyInstance {
    changes: ChangeBus;
  }
}

export const changeBusPlugin = fp(
  async (app) => {
    const changes = await startChangeBus(app.database, app.log);
    app.decorate('changes', changes);
    app.addHook('onClose', async () => {
      await changes.close();
    });
  },
  { name: 'change-bus', dependencies: ['database'] },
);
