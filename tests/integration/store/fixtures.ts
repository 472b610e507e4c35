import { randomBytes } from 'node:crypto';
import type { RxStorage } from 'rxdb';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent, type EventType, type PayloadInput } from '../../../src/dossier/events.ts';
import { createDeskStore } from '../../../renderer/store/desk-store.ts';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { TEST_KEY, testStorage, uniqueName, validating } from './test-storage.ts';

export const AGENCY = '000.00.12.H23';
export const START = Date.UTC(2025, 10, 24, 1, 0); // 08:00 in Vietnam, Monday 24/11/2025

export function testClock(start = START) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

export async function openTestStore(options: { name?: string; clock?: () => number; key?: string; storage?: RxStorage<unknown, unknown> } = {}): Promise<DeskStore> {
  return createDeskStore({
    storage: options.storage ?? testStorage(),
    encryptionKey: options.key ?? TEST_KEY,
    name: options.name ?? uniqueName(),
    clock: options.clock ?? (() => START),
    decorateStorage: validating,
  });
}

export function codeOf(counter: number, day = '251124'): string {
  return `${AGENCY}-${day}-${2000 + counter}`;
}

export function eventFactory(clock: () => number = () => START) {
  const nextId = createEventIdGenerator({ now: clock, randomBytes: (n) => new Uint8Array(randomBytes(n)) });
  return <T extends EventType>(type: T, dossierCode: string, payload: PayloadInput<T>, officerId = 'officer-1') =>
    createEvent({ type, dossierCode, officerId, deskId: `${AGENCY}#2`, unitId: AGENCY, payload }, { nextId, now: clock });
}

export interface ReceivedOptions {
  name?: string;
  citizenId?: string;
  receivedAt?: string;
  dueAt?: string;
  procedureCode?: string;
  field?: string;
}

export function receivedPayload(options: ReceivedOptions = {}): PayloadInput<'RECEIVED'> {
  return {
    procedureCode: options.procedureCode ?? '1.001612',
    procedureName: 'Đăng ký khai sinh',
    field: options.field ?? 'Hộ tịch',
    statutoryTime: { kind: 'working-days', days: 3 },
    channel: 'in-person',
    applicant: {
      fullName: options.name ?? 'Nguyễn Văn An',
      citizenId: options.citizenId ?? '001085012345',
      phone: '0912 345 678',
      email: 'an.nguyen@example.vn',
      address: 'Số 7 ngõ Hoà Bình, phường Ba Đình, Hà Nội',
    },
    papers: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
    sets: 1,
    fee: { amount: 0 },
    resultDelivery: 'desk',
    receivedAt: options.receivedAt ?? '2025-11-24T01:00:00.000Z',
    dueAt: options.dueAt ?? '2025-11-27T10:00:00.000Z',
  };
}
