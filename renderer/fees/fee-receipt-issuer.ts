import { z } from 'zod';
import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import { createEvent, type DossierEvent, type EventOf } from '../../src/dossier/events.ts';
import { projectDossier } from '../../src/dossier/projection.ts';
import { applyTransition } from '../../src/dossier/state-machine.ts';
import { DomainError } from '../../src/errors.ts';
import type { UnitBankAccount } from '../../src/fees/bank-account.ts';
import type { PaymentMethod } from '../../src/fees/payment-method.ts';
import { raiseTo, receiptLabel, receiptSymbol, reserve, settle, type ReceiptSeriesState, type Reservation } from '../../src/fees/receipt-series.ts';
import { buildVietQrPayload, feePurpose } from '../../src/fees/vietqr.ts';
import { yearOfDate, localDateOf } from '../../src/time/vn-time.ts';
import type { DeskStore } from '../store/index.ts';

/** The desk's receipt series: last number per book symbol and the reservations not yet settled. */
export const FEE_SERIES_KEY = 'fee-receipt-series';

const reservationSchema = z.object({
  symbol: z.string(),
  number: z.number().int().min(1),
  dossierCode: z.string(),
  amount: z.number().int(),
  officerId: z.string(),
  at: z.string(),
});
const seriesSchema = z.object({ last: z.record(z.string(), z.number().int().min(0)), open: z.array(reservationSchema) });

export interface FeeIssuerDeps {
  store: DeskStore;
  identity: DeskIdentity;
  officerId: string;
  now: () => number;
  newEventId: () => string;
}

export interface FeeReceiptRequest {
  dossierCode: string;
  amount: number;
  description: string;
  method: PaymentMethod;
  payer: { fullName: string; address?: string };
  /** The unit's account (from the server's unit data); required for VietQR. */
  bankAccount: UnitBankAccount | null;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier receipt step of this window: one number at a time. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function readSeries(store: DeskStore): Promise<ReceiptSeriesState> {
  return store.settings.get(FEE_SERIES_KEY, seriesSchema, { last: {}, open: [] });
}

function writeSeries(store: DeskStore, series: ReceiptSeriesState): Promise<void> {
  return store.settings.set(FEE_SERIES_KEY, { last: { ...series.last }, open: series.open.map((r) => ({ ...r })) });
}

/**
 * Step 1: takes the next number of this desk's book and stores the reservation durably before
 * anything is printed. Whatever happens after (a crash while printing, a power cut before the
 * save), the number is never handed out again, and the reservation stays listed until its
 * receipt is saved or the number is voided.
 */
export function reserveFeeReceiptNumber(request: Pick<FeeReceiptRequest, 'dossierCode' | 'amount'>, deps: FeeIssuerDeps): Promise<Reservation> {
  return serial(async () => {
    const at = deps.now();
    const symbol = receiptSymbol(yearOfDate(localDateOf(at)), deps.identity.slot);
    const { state, reservation } = reserve(await readSeries(deps.store), {
      symbol,
      dossierCode: request.dossierCode,
      amount: request.amount,
      officerId: deps.officerId,
      at: new Date(at).toISOString(),
    });
    await writeSeries(deps.store, state);
    return reservation;
  });
}

/**
 * Puts the series past the numbers the server knows this counter used (sent at enrollment): a
 * desk reinstalled on a counter goes on from its books instead of starting each at 1 again.
 * Books of other counters are ignored.
 */
export function raiseFeeReceiptSeries(store: DeskStore, slot: number, lastNumbers: Readonly<Record<string, number>>): Promise<void> {
  return serial(async () => {
    const before = await readSeries(store);
    let series = before;
    for (const [symbol, number] of Object.entries(lastNumbers)) {
      if (symbol.endsWith(`-Q${slot}`)) series = raiseTo(series, { symbol, number });
    }
    if (series !== before) await writeSeries(store, series);
  });
}

/** Step 2: the receipt event for a reserved number; the reservation is settled once it is stored. */
export function saveFeeReceipt(reservation: Reservation, request: FeeReceiptRequest, deps: FeeIssuerDeps): Promise<EventOf<'FEE_RECEIPT_ISSUED'>> {
  return serial(async () => {
    const vietQr = request.method === 'vietqr' ? vietQrOf(reservation, request) : undefined;
    const event = createEvent(
      {
        type: 'FEE_RECEIPT_ISSUED',
        dossierCode: reservation.dossierCode,
        officerId: deps.officerId,
        deskId: deps.identity.deskId,
        unitId: deps.identity.agencyId,
        payload: {
          symbol: reservation.symbol,
          number: reservation.number,
          amount: request.amount,
          description: request.description,
          method: request.method,
          payer: request.payer,
          ...(vietQr ? { vietQr } : {}),
        },
      },
      { nextId: deps.newEventId, now: deps.now },
    );
    await appendLegal(deps.store, event);
    await writeSeries(deps.store, settle(await readSeries(deps.store), reservation));
    return event;
  });
}

/**
 * Stores `event` only if the dossier's projection takes it without an anomaly (the rule the
 * server applies): an illegal receipt or void is refused in Vietnamese and nothing is stored.
 */
async function appendLegal(store: DeskStore, event: DossierEvent): Promise<void> {
  const events = await store.events.forDossier(event.dossierCode);
  if (events.length === 0) throw new DomainError('fee.no_dossier', `Không có hồ sơ ${event.dossierCode} trên quầy.`);
  const anomaly = projectDossier([...events, event]).anomalies.find((a) => a.eventId === event.id);
  if (anomaly) throw new DomainError(anomaly.code, anomaly.message);
  await store.events.append(event);
}

function vietQrOf(reservation: Reservation, request: FeeReceiptRequest): string {
  if (!request.bankAccount) {
    throw new DomainError(
      'fee.no_bank_account',
      'Đơn vị chưa có tài khoản thu phí trên máy chủ tỉnh: chưa tạo được mã VietQR. Chọn tiền mặt hoặc đồng bộ lại sau khi quản trị viên đặt tài khoản.',
      ['method'],
    );
  }
  return buildVietQrPayload({
    bankBin: request.bankAccount.bankBin,
    accountNumber: request.bankAccount.accountNumber,
    amount: request.amount,
    purpose: feePurpose(reservation.dossierCode, reservation),
  });
}

/** Validates the request, reserves a number and saves the receipt: what the fee dialog calls before printing. */
export async function issueFeeReceipt(request: FeeReceiptRequest, deps: FeeIssuerDeps): Promise<EventOf<'FEE_RECEIPT_ISSUED'>> {
  // Everything that can be judged before a number is taken is judged first, so a refusal uses no number.
  if (request.method === 'vietqr' && !request.bankAccount) vietQrOf({ symbol: 'BL00-Q1', number: 1, dossierCode: '', amount: 0, officerId: '', at: '' }, request);
  const events = await deps.store.events.forDossier(request.dossierCode);
  if (events.length === 0) throw new DomainError('fee.no_dossier', `Không có hồ sơ ${request.dossierCode} trên quầy.`);
  const dossier = projectDossier(events);
  const legal = applyTransition(
    dossier.status,
    { type: 'FEE_RECEIPT_ISSUED', unitId: deps.identity.agencyId },
    { handoverPending: dossier.handoverPending, holderUnitId: dossier.holderUnitId, receivingUnitId: dossier.receivingUnitId },
  );
  if (!legal.ok) throw legal.error;
  // The payload's own rules (amount, texts) before the reservation, too.
  createEvent(
    {
      type: 'FEE_RECEIPT_ISSUED',
      dossierCode: request.dossierCode,
      officerId: deps.officerId,
      deskId: deps.identity.deskId,
      unitId: deps.identity.agencyId,
      payload: { symbol: 'BL00-Q1', number: 1, amount: request.amount, description: request.description, method: request.method, payer: request.payer },
    },
    { nextId: deps.newEventId, now: deps.now },
  );
  const reservation = await reserveFeeReceiptNumber(request, deps);
  try {
    return await saveFeeReceipt(reservation, request, deps);
  } catch (error) {
    // The number stays taken: the officer is told where to void it, never to print it.
    const cause = error instanceof DomainError ? error.message : 'máy không ghi được dữ liệu';
    throw new DomainError(
      'fee.not_saved',
      `Biên lai ${receiptLabel(reservation)} chưa lưu được (${cause}). Không in biên lai này. Số đã giữ sẽ không cấp lại: hủy số ở Báo cáo → Thu phí, lệ phí → "Số biên lai đã giữ nhưng chưa lưu", rồi lập biên lai mới.`,
    );
  }
}

/** Reservations whose receipt was never saved (a crash between reserving and saving): to be voided. */
export function openReservations(store: DeskStore): Promise<readonly Reservation[]> {
  return serial(async () => {
    const series = await readSeries(store);
    const unsaved: Reservation[] = [];
    for (const reservation of series.open) {
      const events = await store.events.forDossier(reservation.dossierCode);
      const saved = events.some((e) => (e.type === 'FEE_RECEIPT_ISSUED' || e.type === 'FEE_RECEIPT_VOIDED') && e.payload.symbol === reservation.symbol && e.payload.number === reservation.number);
      if (!saved) unsaved.push(reservation);
    }
    return unsaved;
  });
}

/** Voids a reserved number that has no saved receipt, so it is never reused and the books show why. */
export function voidReservation(reservation: Reservation, reason: string, deps: FeeIssuerDeps): Promise<EventOf<'FEE_RECEIPT_VOIDED'>> {
  return serial(async () => {
    const event = createEvent(
      {
        type: 'FEE_RECEIPT_VOIDED',
        dossierCode: reservation.dossierCode,
        officerId: deps.officerId,
        deskId: deps.identity.deskId,
        unitId: deps.identity.agencyId,
        payload: { symbol: reservation.symbol, number: reservation.number, reason, reservedOnly: true },
      },
      { nextId: deps.newEventId, now: deps.now },
    );
    await appendLegal(deps.store, event);
    await writeSeries(deps.store, settle(await readSeries(deps.store), reservation));
    return event;
  });
}

/** Voids an issued receipt with the officer's reason. */
export async function voidFeeReceipt(
  receipt: { dossierCode: string; symbol: string; number: number },
  reason: string,
  deps: FeeIssuerDeps,
): Promise<EventOf<'FEE_RECEIPT_VOIDED'>> {
  const event = createEvent(
    {
      type: 'FEE_RECEIPT_VOIDED',
      dossierCode: receipt.dossierCode,
      officerId: deps.officerId,
      deskId: deps.identity.deskId,
      unitId: deps.identity.agencyId,
      payload: { symbol: receipt.symbol, number: receipt.number, reason },
    },
    { nextId: deps.newEventId, now: deps.now },
  );
  await appendLegal(deps.store, event);
  return event;
}
