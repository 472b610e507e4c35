import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { enrollDesk, loadEnrollment, saveEnrollment } from '../../../sync/client/enrollment.ts';
import { startDeskSync } from '../../../sync/client/desk-sync.ts';
import type { FetchLike } from '../../../sync/client/http-client.ts';
import { saveTransportSettings } from '../../../sync/client/transport-settings.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';
import { runAdmin } from '../server/support/admin-cli.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { openTestStore, uniqueNameForSync } from './support/desk-stores.ts';
import { eventually, PROVINCE_CHOICE, UNIT } from './support/sync-world.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

/** Records the requests the desk tries to send, and answers none (this address does not exist). */
function unreachable(): { fetch: FetchLike; sent: string[] } {
  const sent: string[] = [];
  return { sent, fetch: async (input) => (sent.push(input), Promise.reject(new TypeError('fetch failed'))) };
}

/** Issue 18 point 8: the desk sends its secrets over plain HTTP on the network only when its administrator allowed it. */
describe('a desk and a plain-HTTP server address', () => {
  const stores: DeskStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });
  const store = async () => {
    const opened = await openTestStore(uniqueNameForSync('transport'));
    stores.push(opened);
    return opened;
  };

  it('refuses to enrol against http://10.20.30.40:8080 without sending the code, and tries once allowed', async () => {
    const desk = await store();
    const network = unreachable();
    const enroll = () => enrollDesk(desk, { serverUrl: 'http://10.20.30.40:8080', code: 'K7QM-3XHT-9PRA-W2ND', province: PROVINCE_CHOICE }, { clock: Date.now, fetch: network.fetch });
    await expect(enroll()).rejects.toMatchObject({ code: 'sync.insecure_url', path: ['serverUrl'], message: expect.stringMatching(/^Địa chỉ máy chủ dùng http:\/\/ không mã hóa/) });
    expect(network.sent).toEqual([]);
    expect(await loadEnrollment(desk)).toBeNull();

    await saveTransportSettings(desk, { allowPlainHttp: true });
    await expect(enroll()).rejects.toMatchObject({ kind: 'network' });
    expect(network.sent).toEqual(['http://10.20.30.40:8080/api/desks/enroll']);
  });

  it('will not start syncing with an earlier plain-HTTP enrollment until allowed, then says which transport it uses', async () => {
    const desk = await store();
    await saveEnrollment(desk, { serverUrl: 'http://10.20.30.40:8080', deskId: `${UNIT}#1`, unitId: UNIT, slot: 1, credential: 'c'.repeat(43), enrolledAt: Date.now() });
    const enrollment = await loadEnrollment(desk);
    if (!enrollment) throw new Error('no enrollment');
    const network = unreachable();
    await expect(startDeskSync({ store: desk, enrollment, clock: Date.now, fetch: network.fetch })).rejects.toMatchObject({ code: 'sync.insecure_url' });
    expect(network.sent).toEqual([]);

    await saveTransportSettings(desk, { allowPlainHttp: true });
    const sync = await startDeskSync({ store: desk, enrollment, clock: Date.now, fetch: network.fetch, retryTimeMs: 50, backoff: { baseMs: 50, maxMs: 100 } });
    try {
      expect(sync.transport).toBe('plain-http');
      await eventually(() => network.sent.some((url) => url.startsWith('http://10.20.30.40:8080/api/sync/')), 'a sync request to the allowed address');
    } finally {
      await sync.stop();
    }
  });
});

/** Issue 18 point 3: a revoked desk says so and stops, instead of retrying forever. */
describe.each(serverTestDatabases().slice(0, 1))('a revoked desk ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  it('shows "Quầy bị thu hồi quyền đồng bộ" with what to do, stops sending requests, and keeps its dossiers', async () => {
    const world = await worlds.start(1);
    const desk = await worlds.desk(1);
    let requests = 0;
    const counting: FetchLike = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const sync = await desk.startSync({ fetch: counting });
    await desk.receive(2);
    await eventually(() => sync.status().phase === 'online' && sync.status().pending === 0, 'the desk in sync');

    // The administrator revokes the desk (PGlite: with the server stopped, as the README says).
    await world.stopServer();
    const revoked = await runAdmin(world.target, ['desk', 'revoke', '--desk', desk.enrollment.deskId]);
    expect(revoked.code).toBe(0);
    await world.startServer();
    await desk.receive(1);

    await eventually(() => sync.status().phase === 'revoked', 'the revoked state', 60_000);
    expect(sync.status().lastError?.message).toMatch(/^Quầy đã bị thu hồi quyền đồng bộ với máy chủ tỉnh\. Quầy ngừng đồng bộ; hồ sơ trên quầy vẫn được giữ nguyên\. Liên hệ quản trị viên tỉnh/);
    // No retrying: nothing more is sent, however long it waits.
    const after = requests;
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(requests).toBe(after);
    const report = await sync.dayEnd();
    expect(report).toMatchObject({ ok: false, sent: 0, error: expect.stringMatching(/^Quầy đã bị thu hồi quyền đồng bộ/) });
    expect(requests).toBe(after);
    expect(sync.status()).toMatchObject({ phase: 'revoked', pending: 1 });
    expect(await desk.store.database.collections.dossiers.count().exec()).toBe(3);
  }, 240_000);
});
