import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { eventDocOf } from '../../../renderer/store/replication-access.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { DomainError } from '../../../src/errors.ts';
import { POISON, withValueAt } from '../../support/event-text-fields.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const NAME = ['payload', 'applicant', 'fullName'];

async function counts(desk: DeskStore) {
  const { events, dossiers, searchkeys } = desk.database.collections;
  return { events: await events.count().exec(), dossiers: await dossiers.count().exec(), searchkeys: await searchkeys.count().exec() };
}

/** Issue 18: the desk store admits no event the text rule refuses, and reads what an older version stored. */
describe('the text rule at the desk store', () => {
  it.each(POISON)('refuses an event with $name in a text and stores nothing', async ({ character }) => {
    store = await openTestStore();
    const make = eventFactory();
    await store.events.append(make('RECEIVED', codeOf(1), receivedPayload()));
    const before = await counts(store);
    const poisoned = withValueAt(make('RECEIVED', codeOf(2), receivedPayload()), NAME, `Nguyễn${character} Văn An`);
    const refusal = await store.events.append(poisoned).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'event.forbidden_character', path: NAME });
    expect((refusal as DomainError).message).toMatch(/^Họ và tên người nộp hồ sơ có ký tự không được phép \(.*, ở ký tự thứ 7\)/);
    expect(await counts(store)).toEqual(before);
    expect(await store.events.byId((poisoned as DossierEvent).id)).toBeNull();
    expect(await store.dossiers.byCode(codeOf(2))).toBeNull();
  });

  it('reads an event an older version stored with such text: the dossier keeps it', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const old = withValueAt(make('RECEIVED', codeOf(3), receivedPayload()), NAME, 'Lê \u202EThị\u0000 Hoa');
    await store.database.collections.events.insert(eventDocOf(old));
    await store.projections.catchUp();
    expect(await store.events.byId(old.id)).toEqual(old);
    expect((await store.dossiers.byCode(codeOf(3)))?.state).toMatchObject({ applicantName: 'Lê \u202EThị\u0000 Hoa', eventIds: [old.id] });
    // New events of that dossier are still admitted.
    await store.events.append(make('NOTE', codeOf(3), { text: 'Đã gọi điện cho công dân' }));
    expect((await store.dossiers.byCode(codeOf(3)))?.state.eventIds).toHaveLength(2);
    expect((await store.events.all()).map((e) => e.id)).toContain(old.id);
  });

  it('replaces an unsent event by its correction in place, and re-projects its dossier', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const old = withValueAt(make('RECEIVED', codeOf(4), receivedPayload()), NAME, 'Lê Thị\u0000 Hoa');
    await store.database.collections.events.insert(eventDocOf(old));
    const note = make('NOTE', codeOf(4), { text: 'Ghi chú' });
    await store.events.append(note);
    const corrected = withValueAt(old, NAME, 'Lê Thị Hoa');
    expect(await store.events.correctUnsent(corrected)).toEqual(corrected);
    expect(await store.events.byId(old.id)).toEqual(corrected);
    expect(await store.events.forDossier(codeOf(4))).toEqual([corrected, note]);
    expect((await store.dossiers.byCode(codeOf(4)))?.state).toMatchObject({ applicantName: 'Lê Thị Hoa' });
    expect((await store.dossiers.query({ nameQuery: 'le thi hoa' })).items.map((d) => d.code)).toEqual([codeOf(4)]);
  });

  it('corrects nothing but texts, and nothing the server already has', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const old = withValueAt(make('RECEIVED', codeOf(5), receivedPayload()), NAME, 'Lê Thị\u0000 Hoa');
    await store.database.collections.events.insert(eventDocOf(old));
    const clean = withValueAt(old, NAME, 'Lê Thị Hoa');
    const refusals = await Promise.all([
      store.events.correctUnsent(withValueAt(clean, ['officerId'], 'officer-2')),
      store.events.correctUnsent(withValueAt(clean, ['payload', 'fee', 'amount'], 50_000)),
      store.events.correctUnsent(withValueAt(clean, ['payload', 'sets'], 2)),
      store.events.correctUnsent(withValueAt(clean, ['id'], make('NOTE', codeOf(5), { text: 'x' }).id)),
      store.events.correctUnsent(withValueAt(clean, NAME, 'Lê Thị\u0000 Hoa')),
    ].map((attempt) => attempt.catch((error: unknown) => (error as DomainError).code)));
    expect(refusals).toEqual(['event.correction_mismatch', 'event.correction_mismatch', 'event.correction_mismatch', 'event.not_found', 'event.forbidden_character']);
    expect(await store.events.byId(old.id)).toEqual(old);

    const stamped = withValueAt(make('RECEIVED', codeOf(6), receivedPayload()), NAME, 'Lê Thị\u0000 Hoa');
    await store.database.collections.events.insert(eventDocOf({ ...stamped, serverAt: '2025-11-24T02:00:00.000Z' }));
    const already = await store.events.correctUnsent(withValueAt(stamped, NAME, 'Lê Thị Hoa')).catch((error: unknown) => error);
    expect(already).toMatchObject({ code: 'event.already_synced' });
  });
});
