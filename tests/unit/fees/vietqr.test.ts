import { describe, expect, it } from 'vitest';
import { buildVietQrPayload, crc16CcittFalse, feePurpose } from '../../../src/fees/vietqr.ts';

describe('VietQR payload', () => {
  it('has the catalogued CRC-16/CCITT-FALSE check value', () => {
    // The standard check of the CRC catalogue: "123456789" → 0x29B1.
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('reproduces a published worked example byte for byte, CRC included', () => {
    // github.com/subiz/vietqr README: 120.000 đ to VietinBank (970415) account 0011001932418, content "ung ho lu lut".
    const published =
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    expect(buildVietQrPayload({ bankBin: '970415', accountNumber: '0011001932418', amount: 120000, purpose: 'ung ho lu lut' })).toBe(published);
    expect(crc16CcittFalse(published.slice(0, -4))).toBe('C15C');
  });

  it('puts the dossier code and the receipt number in the purpose', () => {
    const payload = buildVietQrPayload({
      bankBin: '970415',
      accountNumber: '113366668888',
      amount: 8000,
      purpose: feePurpose('000.00.12.H23-261207-1001', { symbol: 'BL26-Q1', number: 7 }),
    });
    expect(payload).toContain('0841000.00.12.H23-261207-1001 BL26-Q1-0000007');
    expect(payload).toMatch(/^000201010212/);
    expect(payload).toContain('5303704540480005802VN');
    expect(payload.slice(-8, -4)).toBe('6304');
    expect(crc16CcittFalse(payload.slice(0, -4))).toBe(payload.slice(-4));
  });

  it.each([
    [{ bankBin: '97041', accountNumber: '1', amount: 1, purpose: 'x' }, 'vietqr.bad_bin'],
    [{ bankBin: '970415', accountNumber: '12 34', amount: 1, purpose: 'x' }, 'vietqr.bad_account'],
    [{ bankBin: '970415', accountNumber: '1234', amount: 0, purpose: 'x' }, 'vietqr.bad_amount'],
    [{ bankBin: '970415', accountNumber: '1234', amount: 1.5, purpose: 'x' }, 'vietqr.bad_amount'],
    [{ bankBin: '970415', accountNumber: '1234', amount: 1, purpose: 'lệ phí' }, 'vietqr.bad_purpose'],
  ])('refuses bad input %#', (input, code) => {
    expect(() => buildVietQrPayload(input)).toThrow(expect.objectContaining({ code }));
  });
});
