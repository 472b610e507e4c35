import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import {
  issueFeeReceipt,
  openReservations,
  reserveFeeReceiptNumber,
  voidFeeReceipt,
  voidReservation,
  type FeeIssuerDeps,
  type FeeReceiptRequest,
} from '../../../renderer/fees/fee-receipt-issuer.ts';
import { AGENCY, START, codeOf, eventFactory, openTestStore, receivedPayload } from '../store/fixtures.ts';
import { uniqueName } from '../store/test-storage.ts';

const identity: DeskIdentity = { provinceCode: '01', provinceName: 'Hà Nội', unitName: 'Phường Ba Đình', agencyId: AGENCY, slot: 2, deskId: `${AGENCY}#2` };
const account = { bankBin: '970415', accountNumber: '0011001932418', accountName: 'UBND PHUONG BA DINH' };

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** The desk clock: a minute passes between actions, as at a real counter. */
let tick = START;
const now = () => (tick += 60_000);
const newEventId = createEventIdGenerator({ now: () => tick, randomBytes: (n) => new Uint8Array(randomBytes(n)) });

function depsOf(s: DeskStore): FeeIssuerDeps {
  return { store: s, identity, officerId: 'officer-1', now, newEventId };
}

async function receive(s: DeskStore, counter: number): Promise<string> {
  const code = codeOf(counter);
  await s.events.append(eventFactory()('RECEIVED', code, receivedPayload()));
  return code;
}

const request = (dossierCode: string, overrides: Partial<FeeReceiptRequest> = {}): FeeReceiptRequest => ({
  dossierCode,
  amount: 8000,
  description: 'Lệ phí đăng ký khai sinh',
  method: 'cash',
  payer: { fullName: 'Nguyễn Văn An' },
  bankAccount: account,
  ...overrides,
});

describe('issuing fee receipts on the desk', () => {
  it('never issues a number twice across a crash between reserving (and printing) and saving; the lost number shows up and is voided', async () => {
    const name = uniqueName('fees');
    store = await openTestStore({ name });
    const code = await receive(store, 1);
    const first = await issueFeeReceipt(request(code), depsOf(store));
    expect(first.payload).toMatchObject({ symbol: 'BL25-Q2', number: 1 });
    // The number is reserved durably (and the receipt printed from it)… then the desk dies before saving.
    const lost = await reserveFeeReceiptNumber({ dossierCode: code, amount: 8000 }, depsOf(store));
    expect(lost.number).toBe(2);
    await store.close();

    // After the restart: the next receipt takes a new number, and the lost one is listed as unsaved.
    store = await openTestStore({ name });
    const next = await issueFeeReceipt(request(code, { method: 'vietqr', amount: 25000 }), depsOf(store));
    expect(next.payload.number).toBe(3);
    const purpose = `${code} BL25-Q2-0000003`;
    expect(next.payload.vietQr).toContain(`62${purpose.length + 4}08${purpose.length}${purpose}6304`);
    expect((await openReservations(store)).map((r) => r.number)).toEqual([2]);
    await voidReservation(lost, 'Mất điện khi đang in biên lai', depsOf(store));
    expect(await openReservations(store)).toEqual([]);
    expect((await issueFeeReceipt(request(code), depsOf(store))).payload.number).toBe(4);

    const dossier = projectDossier(await store.events.forDossier(code));
    expect(dossier.anomalies).toEqual([]);
    expect(dossier.feeReceipts.map((r) => [r.number, r.voided?.reservedOnly ?? null])).toEqual([
      [1, null],
      [3, null],
      [2, true],
      [4, null],
    ]);
  });

  it('refuses in Vietnamese, storing nothing and using no number: a bad amount, VietQR without an account, a refused dossier, a second void', async () => {
    store = await openTestStore();
    const s = store;
    const code = await receive(s, 1);
    const count = async () => (await s.events.forDossier(code)).length;
    await expect(issueFeeReceipt(request(code, { amount: -5 }), depsOf(s))).rejects.toThrow('Số tiền thu phải lớn hơn 0');
    await expect(issueFeeReceipt(request(code, { amount: 12.5 }), depsOf(s))).rejects.toThrow('Số tiền phải là số nguyên (đồng)');
    await expect(issueFeeReceipt(request(code, { method: 'vietqr', bankAccount: null }), depsOf(s))).rejects.toThrow('chưa có tài khoản thu phí');
    expect(await count()).toBe(1);
    const receipt = await issueFeeReceipt(request(code), depsOf(s));
    expect(receipt.payload.number).toBe(1);
    await expect(voidFeeReceipt({ dossierCode: code, symbol: 'BL25-Q2', number: 1 }, '  ', depsOf(s))).rejects.toThrow();
    await voidFeeReceipt({ dossierCode: code, symbol: 'BL25-Q2', number: 1 }, 'Thu nhầm', depsOf(s));
    await expect(voidFeeReceipt({ dossierCode: code, symbol: 'BL25-Q2', number: 1 }, 'Lần nữa', depsOf(s))).rejects.toThrow('đã bị hủy trước đó');
    await s.events.append(eventFactory(now)('REFUSED', code, { reason: 'Không thuộc thẩm quyền' }));
    const before = await count();
    await expect(issueFeeReceipt(request(code), depsOf(s))).rejects.toThrow('Không thể "Thu phí, lệ phí" khi hồ sơ đang ở trạng thái "Từ chối"');
    expect(await count()).toBe(before);
    expect(await openReservations(s)).toEqual([]);
  });
});
