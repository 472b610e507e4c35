import { describe, expect, it } from 'vitest';
import { checkDate, parseTypedDate, pastFactRule } from '../../../src/time/date-rule.ts';

const TODAY = '2025-11-24';
const birth = pastFactRule('Ngày sinh', TODAY);
const message = (result: ReturnType<typeof parseTypedDate>) => (result.ok ? null : result.error.message);

describe('the date rule of every date field', () => {
  it('reads dates typed day first, with any usual separator or none', () => {
    for (const text of ['05/09/1990', '5/9/1990', '05-09-1990', '05.09.1990', '05091990', ' 5 / 9 / 1990 ']) {
      expect(parseTypedDate(text, birth)).toEqual({ ok: true, value: '1990-09-05' });
    }
  });

  it('says a date that does not exist is not real, and why', () => {
    expect(message(parseTypedDate('31/02/1990', birth))).toBe('Ngày sinh 31/02/1990 không có thật: tháng 02/1990 chỉ có 28 ngày.');
    expect(message(parseTypedDate('29/02/2023', birth))).toBe('Ngày sinh 29/02/2023 không có thật: tháng 02/2023 chỉ có 28 ngày.');
    expect(parseTypedDate('29/02/2024', birth).ok).toBe(true);
    expect(message(parseTypedDate('31/04/2001', birth))).toBe('Ngày sinh 31/04/2001 không có thật: tháng 04/2001 chỉ có 30 ngày.');
    expect(message(parseTypedDate('12/13/1990', birth))).toBe('Ngày sinh 12/13/1990 không có thật: không có tháng 13.');
    expect(message(parseTypedDate('00/01/1990', birth))).toBe('Ngày sinh 00/01/1990 không có thật: không có ngày 0.');
    expect(parseTypedDate('31/02/1990', birth)).toMatchObject({ ok: false, error: { code: 'date.not_real' } });
  });

  it('refuses a past fact after today and any date before 1900, saying which', () => {
    expect(message(parseTypedDate('25/11/2025', birth))).toBe('Ngày sinh không được sau hôm nay.');
    expect(parseTypedDate('24/11/2025', birth).ok).toBe(true);
    expect(message(parseTypedDate('31/12/1899', birth))).toBe('Ngày sinh không được trước năm 1900.');
    expect(parseTypedDate('01/01/1900', birth).ok).toBe(true);
    expect(parseTypedDate('05/09/0990', birth)).toMatchObject({ ok: false, error: { code: 'date.too_early' } });
    expect(parseTypedDate('25/11/2025', birth)).toMatchObject({ ok: false, error: { code: 'date.too_late' } });
  });

  it('names the limit when it is not today, and the start of a range', () => {
    const rule = { label: 'Ngày hẹn trả mới', earliest: { date: TODAY, name: 'hôm nay' }, latest: { date: '2026-11-25' } };
    expect(message(parseTypedDate('26/11/2026', rule))).toBe('Ngày hẹn trả mới không được sau ngày 25/11/2026.');
    expect(message(parseTypedDate('23/11/2025', rule))).toBe('Ngày hẹn trả mới không được trước hôm nay.');
    expect(parseTypedDate('25/11/2026', rule).ok).toBe(true);
  });

  it('asks for a day/month/year with four digits of year rather than guessing', () => {
    expect(message(parseTypedDate('5/9/90', birth))).toBe('Ngày sinh "5/9/90" chưa ghi đúng cách: ghi ngày/tháng/năm đủ 4 chữ số năm, ví dụ 05/09/1990.');
    expect(parseTypedDate('1990-09-05', birth)).toMatchObject({ ok: false, error: { code: 'date.bad_shape' } });
    expect(parseTypedDate('mai', birth)).toMatchObject({ ok: false, error: { code: 'date.bad_shape' } });
  });

  it('applies the same rule to dates already in YYYY-MM-DD form', () => {
    expect(checkDate('1990-02-31', birth)).toMatchObject({ ok: false, error: { message: 'Ngày sinh 31/02/1990 không có thật.' } });
    expect(checkDate('1899-12-31', birth)).toMatchObject({ ok: false, error: { message: 'Ngày sinh không được trước năm 1900.' } });
    expect(checkDate('2025-11-25', birth)).toMatchObject({ ok: false, error: { message: 'Ngày sinh không được sau hôm nay.' } });
    expect(checkDate('2025-11-24', birth)).toEqual({ ok: true, value: '2025-11-24' });
    expect(checkDate('24/11/2025', birth)).toMatchObject({ ok: false, error: { code: 'date.not_real' } });
  });
});
