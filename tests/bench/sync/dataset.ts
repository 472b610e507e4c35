import { randomBytes } from 'node:crypto';
import { formatDossierCode } from '../../../src/dossier/dossier-code.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { addDays, instantAt, localDateOf, MS_PER_MINUTE } from '../../../src/time/vn-time.ts';
import { signAll } from '../../support/desk-session.ts';
import { pick, randomApplicant, seededRandom } from '../desk/people.ts';
import type { Applicant, Random } from '../desk/people.ts';

/**
 * The events a desk writes: dossiers received at the desk, handed to the processing officer,
 * accepted, resolved and returned to the applicant (DESIGN §3), five events each, every one built
 * and validated by the domain's `createEvent` like the integration tests' builders do. Events come
 * in the order the desk wrote them (by time; UUIDv7 ids in the same order), so a push in that order
 * is always a legal sequence for the server, and signed in their officers' sessions when the
 * officers' verifier is given.
 */

export interface DeskActors {
  unitId: string;
  deskId: string;
  slot: number;
  receptionOfficerId: string;
  processingOfficerId: string;
  /**
   * The officers' argon2id PHC verifier on the server: each event is then signed as the desk signs it,
   * in its officer's login session on `deskId` (issue 18 point 6), as the server requires.
   */
  officerVerifier?: string;
}

export interface LifecycleOptions {
  dossiers: number;
  nowMs: number;
  seed?: number;
  /** Dossiers a desk receives per working day (a slot issues at most 999 codes a day). */
  perDay?: number;
}

interface ProcedureChoice {
  code: string;
  name: string;
  field: string;
  days: number;
  fee: number;
  papers: string[];
  result: string;
}

/** A few real procedures of a commune's one-stop desk. */
const PROCEDURES: readonly ProcedureChoice[] = [
  { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', days: 1, fee: 0, papers: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'], result: 'Giấy khai sinh (bản chính)' },
  { code: '1.000894', name: 'Đăng ký kết hôn', field: 'Hộ tịch', days: 3, fee: 0, papers: ['Tờ khai đăng ký kết hôn'], result: 'Giấy chứng nhận kết hôn' },
  { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch', field: 'Hộ tịch', days: 1, fee: 8000, papers: ['Tờ khai cấp bản sao trích lục hộ tịch'], result: 'Bản sao trích lục hộ tịch' },
  { code: '2.000815', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', field: 'Chứng thực', days: 1, fee: 2000, papers: ['Bản chính giấy tờ cần chứng thực'], result: 'Bản sao có chứng thực' },
  { code: '1.004227', name: 'Đăng ký khai tử', field: 'Hộ tịch', days: 3, fee: 0, papers: ['Tờ khai đăng ký khai tử', 'Giấy báo tử'], result: 'Trích lục khai tử' },
];

interface Step {
  time: number;
  type: EventType;
  code: string;
  officerId: string;
  payload: PayloadInput<EventType>;
}

export function dossierLifecycles(actors: DeskActors, options: LifecycleOptions): DossierEvent[] {
  const random: Random = seededRandom(options.seed ?? 20251122);
  const perDay = Math.min(options.perDay ?? 500, 999);
  const days = Math.ceil(options.dossiers / perDay);
  const today = localDateOf(options.nowMs);
  // Office hours from 07:30 over eight hours; each dossier is returned within three hours.
  const spacing = Math.floor((8 * 60 * MS_PER_MINUTE) / perDay);
  const steps: Step[] = [];
  for (let index = 0; index < options.dossiers; index += 1) {
    const dayIndex = Math.floor(index / perDay);
    const counter = (index % perDay) + 1;
    // The oldest day first; the last one is yesterday, so every event lies in the past.
    const date = addDays(today, dayIndex - days);
    const receivedAt = instantAt(date, 7 * 60 + 30) + (counter - 1) * spacing;
    const code = formatDossierCode({ agencyId: actors.unitId, localDate: date, slot: actors.slot, counter });
    const procedure = pick(random, PROCEDURES);
    const applicant = randomApplicant(random);
    const minutes = (n: number) => n * MS_PER_MINUTE + Math.floor(random() * MS_PER_MINUTE);
    steps.push(
      { time: receivedAt, type: 'RECEIVED', code, officerId: actors.receptionOfficerId, payload: receivedPayload(procedure, applicant, receivedAt) },
      {
        time: receivedAt + minutes(3),
        type: 'TRANSFERRED',
        code,
        officerId: actors.receptionOfficerId,
        payload: { toUnitId: actors.unitId, toOfficerId: actors.processingOfficerId, note: 'Chuyển bộ phận chuyên môn giải quyết' },
      },
      { time: receivedAt + minutes(15), type: 'ACCEPTED', code, officerId: actors.processingOfficerId, payload: {} },
      { time: receivedAt + minutes(90), type: 'RESOLVED', code, officerId: actors.processingOfficerId, payload: { resultSummary: `Đã ký ${procedure.result.toLowerCase()}` } },
      {
        time: receivedAt + minutes(150),
        type: 'RETURNED',
        code,
        officerId: actors.receptionOfficerId,
        payload: { collectedBy: { fullName: applicant.fullName, citizenId: applicant.citizenId }, note: `Trả ${procedure.result.toLowerCase()}` },
      },
    );
  }
  steps.sort((a, b) => a.time - b.time);

  let clock = 0;
  const nextId = createEventIdGenerator({ now: () => clock, randomBytes: (n) => new Uint8Array(randomBytes(n)) });
  const events = steps.map((step) => {
    clock = step.time;
    return createEvent(
      { type: step.type, dossierCode: step.code, officerId: step.officerId, deskId: actors.deskId, unitId: actors.unitId, payload: step.payload },
      { nextId, now: () => clock },
    );
  });
  const verifier = actors.officerVerifier;
  return verifier === undefined ? events : signAll(events, actors.deskId, () => verifier);
}

function receivedPayload(procedure: ProcedureChoice, applicant: Applicant, receivedAt: number): PayloadInput<'RECEIVED'> {
  return {
    procedureCode: procedure.code,
    procedureName: procedure.name,
    field: procedure.field,
    statutoryTime: { kind: 'working-days', days: procedure.days },
    channel: 'in-person',
    applicant: { ...applicant },
    papers: procedure.papers.map((name, index) => ({ name, originals: 1, copies: index === 0 ? 0 : 1 })),
    sets: 1,
    fee: { amount: procedure.fee },
    resultDelivery: 'desk',
    receivedAt: new Date(receivedAt).toISOString(),
    dueAt: new Date(receivedAt + procedure.days * 24 * 60 * MS_PER_MINUTE).toISOString(),
  };
}
