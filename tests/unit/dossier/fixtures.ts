import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { CreateEventInput, EventOf, EventType, PayloadInput } from '../../../src/dossier/events.ts';

export const CODE = '000.00.12.H23-251122-1007';
export const RECEPTION_UNIT = '000.00.12.H23';
export const PROCESSING_UNIT = '000.00.20.H23';
export const START = Date.parse('2025-11-22T01:00:00.000Z'); // 08:00 in Vietnam
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export const iso = (ms: number): string => new Date(ms).toISOString();

export function receivedPayload(overrides: Partial<PayloadInput<'RECEIVED'>> = {}): PayloadInput<'RECEIVED'> {
  return {
    procedureCode: '1.004873',
    procedureName: 'Xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    statutoryTime: { kind: 'working-days', days: 3 },
    channel: 'in-person',
    applicant: { fullName: 'Nguyễn Văn An', citizenId: '001090012345', birthDate: '1990-05-17', sex: 'male', phone: '0912 345 678' },
    papers: [{ name: 'Tờ khai xác nhận tình trạng hôn nhân', originals: 1, copies: 0 }],
    sets: 1,
    fee: { amount: 0 },
    resultDelivery: 'desk',
    receivedAt: iso(START),
    dueAt: iso(START + 3 * DAY),
    ...overrides,
  };
}

type Envelope = Partial<Omit<CreateEventInput<EventType>, 'type' | 'payload'>>;

/** Builds valid events on a controllable desk clock with deterministic ids. */
export function eventFactory(start = START) {
  let clock = start;
  let seed = 7;
  const nextId = createEventIdGenerator({
    now: () => clock,
    randomBytes: (n) =>
      Uint8Array.from({ length: n }, () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed & 0xff;
      }),
  });
  return {
    get now() {
      return clock;
    },
    advance(ms: number) {
      clock += ms;
    },
    setClock(ms: number) {
      clock = ms;
    },
    make<T extends EventType>(type: T, payload: PayloadInput<T>, envelope: Envelope = {}): EventOf<T> {
      return createEvent(
        {
          type,
          payload,
          dossierCode: CODE,
          officerId: 'cb.tiepnhan',
          deskId: 'ban-1',
          unitId: RECEPTION_UNIT,
          ...envelope,
        } as CreateEventInput<T>,
        { nextId, now: () => clock },
      );
    },
  };
}
