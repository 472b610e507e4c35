import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import type { Catalogue } from '../../../src/catalogue/catalogue.ts';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { computeAppointment } from '../../../src/deadline/appointment.ts';
import { parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { foldForSearch } from '../../../src/people/search-key.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import type { LocalDate } from '../../../src/time/vn-time.ts';
import type { BlindIndex } from '../../../renderer/store/blind-index.ts';
import type { DeskStore, DossierQuery } from '../../../renderer/store/index.ts';
import { citizenIdKey, nameSearchKeys } from '../../../renderer/store/name-keys.ts';
import { RUNNING_STATUSES } from '../../../renderer/components/deadline-view.ts';
import { alertQueries } from '../../../renderer/screens/alerts/alert-queries.ts';
import type { AlertKind } from '../../../renderer/screens/alerts/alert-queries.ts';
import { receiveDossier } from '../../../renderer/screens/receive/issue-code.ts';
import { EMPTY_RECEIVE_VALUES, papersOf, toPayload } from '../../../renderer/screens/receive/receive-form.ts';
import type { ReceiveValues } from '../../../renderer/screens/receive/receive-form.ts';
import { rememberProcedure } from '../../../renderer/screens/receive/recent-procedures.ts';
import { randomApplicant, seededRandom } from './people.ts';
import { rawDetail, rawDueCount, rawFirstPage, rawNameSearch, rawReceive } from './raw-dexie.ts';
import type { RawDesk, RawListFilter } from './raw-dexie.ts';
import type { SeedSample } from './seed.ts';

/** One benchmarked operation: the store's way and the raw Dexie way, given the same input. */
export interface PairedOperation {
  id: string;
  label: string;
  /** p95 target in ms (issue 4 point 15), when there is one. */
  targetP95Ms?: number;
  /** Both return a fingerprint of the result (codes, counts) so the run can check they agree. */
  store(iteration: number): Promise<string>;
  raw(iteration: number): Promise<string>;
  /** Untimed, after each store run: work the operation leaves running in the background. */
  settle?(): Promise<void>;
}

/** The receive → in-the-list operation draws its inputs apart from receive → saved's. */
const LISTED_INPUTS = 100_000;

export interface OperationContext {
  store: DeskStore;
  raw: RawDesk;
  blind: BlindIndex;
  identity: DeskIdentity;
  officerId: string;
  calendar: WorkingCalendar;
  catalogue: Catalogue;
  sample: readonly SeedSample[];
  /** The desk clock of the run (advanced by the receive operation). */
  clock: { now(): number; advance(ms: number): void };
  newEventId: { store: () => string; raw: () => string };
}

/** What the list screen asks for: pages of 100. */
const PAGE_SIZE = 100;
const DUE_SOON_WORKING_MINUTES = 8 * 60;
const ALERT_KINDS: readonly AlertKind[] = ['overdue', 'due-soon', 'today'];

function receiveValues(procedure: Procedure, seed: number): ReceiveValues {
  const applicant = randomApplicant(seededRandom(seed));
  const [year, month, day] = applicant.birthDate.split('-');
  return {
    ...EMPTY_RECEIVE_VALUES,
    fullName: applicant.fullName,
    citizenId: applicant.citizenId,
    birthDate: `${day}/${month}/${year}`,
    sex: applicant.sex,
    phone: applicant.phone,
    address: applicant.address,
    papers: papersOf(procedure),
    pages: '3',
    overrideAmount: '50000',
  };
}

/** Procedures the receive form accepts with the generated applicant (all of them, normally). */
function receivable(catalogue: Catalogue, today: LocalDate): Procedure[] {
  return catalogue.procedures.filter((procedure) => toPayload(procedure, receiveValues(procedure, 1), today).ok);
}

export function pairedOperations(ctx: OperationContext): PairedOperation[] {
  const procedures = receivable(ctx.catalogue, localDateOf(ctx.clock.now()));
  const sampleAt = (i: number) => ctx.sample[(i * 7_919) % ctx.sample.length] as SeedSample;

  // Inputs are drawn per iteration and shared by both sides, so store and raw do the same work.
  const receiveInput = new Map<number, { procedure: Procedure; values: ReceiveValues; at: number }>();
  const receiveFor = (i: number) => {
    let input = receiveInput.get(i);
    if (!input) {
      ctx.clock.advance(15_000);
      const procedure = procedures[i % procedures.length] as Procedure;
      input = { procedure, values: receiveValues(procedure, 10_000 + i), at: ctx.clock.now() };
      receiveInput.set(i, input);
    }
    return input;
  };
  // RxDB answers a repeated identical query from its query cache; the screens re-query after a
  // change or a clock tick, so every iteration asks at a slightly later "now" (a different query).
  const instants = new Map<number, number>();
  const nowFor = (i: number) => {
    let at = instants.get(i);
    if (at === undefined) {
      ctx.clock.advance(1_000);
      at = ctx.clock.now();
      instants.set(i, at);
    }
    return at;
  };
  const timing = (procedure: Procedure, at: number) => ({ receivedAtMs: at, dueAtMs: computeAppointment(ctx.calendar, at, procedure.statutoryTime) });

  const receiveInStore = async (i: number) => {
    const { procedure, values, at } = receiveFor(i);
    const checked = toPayload(procedure, values, localDateOf(at));
    if (!checked.ok) throw new Error(`receive form refused: ${JSON.stringify(checked.errors)}`);
    // As the receive screen does: the recent-procedures hint is written alongside the dossier.
    const [event] = await Promise.all([
      receiveDossier(checked.payload, timing(procedure, at), {
        store: ctx.store,
        identity: ctx.identity,
        officerId: ctx.officerId,
        now: ctx.clock.now,
        newEventId: ctx.newEventId.store,
      }),
      rememberProcedure(ctx.store, ctx.officerId, procedure.code),
    ]);
    return event.dossierCode;
  };
  const receiveRaw = async (i: number) => {
    const { procedure, values, at } = receiveFor(i);
    const checked = toPayload(procedure, values, localDateOf(at));
    if (!checked.ok) throw new Error(`receive form refused: ${JSON.stringify(checked.errors)}`);
    const applicant = checked.payload.applicant;
    const idKeys = applicant.citizenId ? [citizenIdKey(await ctx.blind(applicant.citizenId))] : [];
    const event = await rawReceive(ctx.raw, checked.payload, timing(procedure, at), {
      identity: ctx.identity,
      officerId: ctx.officerId,
      newEventId: ctx.newEventId.raw,
      searchKeys: [...nameSearchKeys(applicant.fullName), ...idKeys],
    });
    return event.dossierCode;
  };

  const fullNameQuery = (i: number) => {
    const name = sampleAt(i).fullName;
    return i % 2 === 0 ? name : foldForSearch(name);
  };
  const partialQuery = (i: number) => foldForSearch(sampleAt(i).fullName).split(' ').slice(-2).join(' ');
  const common = ctx.catalogue.procedures.slice(0, 8).map((p) => p.code);
  const listFilter = (i: number): { query: DossierQuery; raw: RawListFilter } => {
    const before = new Date(nowFor(i)).toISOString();
    // "Received up to now" selects everything, but makes each iteration a new query.
    switch (i % 3) {
      case 0:
        return {
          query: { status: [DossierStatus.InProcessing], receivedTo: before, limit: PAGE_SIZE },
          raw: { kind: 'status', statuses: [DossierStatus.InProcessing] },
        };
      case 1: {
        const procedureCode = common[i % common.length] as string;
        return { query: { procedure: procedureCode, receivedTo: before, limit: PAGE_SIZE }, raw: { kind: 'procedure', procedureCode } };
      }
      default:
        return {
          query: { status: RUNNING_STATUSES, deadline: { before }, sort: 'due-asc', limit: PAGE_SIZE },
          raw: { kind: 'overdue', statuses: RUNNING_STATUSES, before },
        };
    }
  };
  const alerts = (i: number) => alertQueries(ctx.calendar, nowFor(i), DUE_SOON_WORKING_MINUTES);
  const codesOf = (page: { items: readonly { code: string }[] }) => page.items.map((d) => d.code).join(',');

  return [
    {
      id: 'receive',
      label: 'receive → saved',
      targetP95Ms: 50,
      store: receiveInStore,
      raw: receiveRaw,
      // An officer takes half a minute or more per dossier: the last receipt's projection is
      // written before the next save (measured on its own in the next operation).
      settle: () => ctx.store.projections.settled(),
    },
    {
      id: 'receive-listed',
      label: 'receive → in lists and search (projection written)',
      async store(i) {
        const code = await receiveInStore(LISTED_INPUTS + i);
        await ctx.store.projections.settled();
        return code;
      },
      raw: (i) => receiveRaw(LISTED_INPUTS + i),
    },
    {
      id: 'scan-detail',
      label: 'scan → detail',
      targetP95Ms: 30,
      async store(i) {
        const parsed = parseDossierCode(sampleAt(i).code);
        if (!parsed.ok) throw parsed.error;
        const [stored, events] = await Promise.all([ctx.store.dossiers.byCode(parsed.value.code), ctx.store.events.forDossier(parsed.value.code)]);
        if (!stored) throw new Error(`scan: ${parsed.value.code} not found`);
        return `${stored.state.code}:${events.length}`;
      },
      async raw(i) {
        const parsed = parseDossierCode(sampleAt(i).code);
        if (!parsed.ok) throw parsed.error;
        const found = await rawDetail(ctx.raw, parsed.value.code);
        if (!found) throw new Error(`scan: ${parsed.value.code} not found`);
        return `${found.state.code}:${found.events.length}`;
      },
    },
    {
      id: 'name-search',
      label: 'name search (full name)',
      targetP95Ms: 50,
      store: async (i) => codesOf(await ctx.store.dossiers.query({ nameQuery: fullNameQuery(i), limit: PAGE_SIZE })),
      raw: async (i) => codesOf(await rawNameSearch(ctx.raw, fullNameQuery(i), PAGE_SIZE)),
    },
    {
      id: 'name-search-partial',
      label: 'name search (last two words)',
      store: async (i) => codesOf(await ctx.store.dossiers.query({ nameQuery: partialQuery(i), limit: PAGE_SIZE })),
      raw: async (i) => codesOf(await rawNameSearch(ctx.raw, partialQuery(i), PAGE_SIZE)),
    },
    {
      id: 'alert-counts',
      label: 'alert counts (3 badges)',
      targetP95Ms: 50,
      async store(i) {
        const q = alerts(i);
        const totals = await Promise.all(
          ALERT_KINDS.map(async (kind) => {
            const counts = await ctx.store.dossiers.counts({ statuses: q[kind].statuses, deadline: q[kind].deadline });
            return q[kind].statuses.reduce((sum, status) => sum + counts[status], 0);
          }),
        );
        return totals.join(',');
      },
      async raw(i) {
        const q = alerts(i);
        return (await Promise.all(ALERT_KINDS.map((kind) => rawDueCount(ctx.raw, q[kind].statuses, q[kind].deadline)))).join(',');
      },
    },
    {
      id: 'list-first-page',
      label: 'list first page (filtered)',
      store: async (i) => codesOf(await ctx.store.dossiers.query(listFilter(i).query)),
      raw: async (i) => codesOf({ items: await rawFirstPage(ctx.raw, listFilter(i).raw, PAGE_SIZE) }),
    },
  ];
}
