import { describe, expect, it } from 'vitest';
import { CLOCK_WARNING_MS, clockWarning, offsetFromExchange, offsetText } from '../../../src/time/clock-offset.ts';

const MINUTE = 60_000;

describe('offsetFromExchange', () => {
  it('compares the server stamp with the middle of the request on the desk clock', () => {
    const server = Date.parse('2026-12-07T02:00:00.000Z');
    // Desk 12 minutes fast, 400 ms round trip, the server answering halfway.
    expect(offsetFromExchange(server + 12 * MINUTE - 200, server + 12 * MINUTE + 200, server)).toBe(12 * MINUTE);
    expect(offsetFromExchange(server - 3 * MINUTE, server - 3 * MINUTE + 1000, server)).toBe(-3 * MINUTE + 500);
  });
});

describe('clockWarning', () => {
  it('says nothing within five minutes either way, or when no offset is known', () => {
    for (const offset of [0, CLOCK_WARNING_MS, -CLOCK_WARNING_MS, 4 * MINUTE]) expect(clockWarning(offset)).toBeNull();
    expect(clockWarning(null)).toBeNull();
    expect(clockWarning(Number.NaN)).toBeNull();
  });

  it('warns past five minutes, fast or slow, in Vietnamese', () => {
    expect(clockWarning(CLOCK_WARNING_MS + 1000)?.direction).toBe('fast');
    expect(clockWarning(12 * MINUTE)).toEqual({
      direction: 'fast',
      offsetMs: 12 * MINUTE,
      message:
        'Đồng hồ máy tính đang chạy nhanh 12 phút so với máy chủ tỉnh. Giờ tiếp nhận và ngày hẹn trên phiếu có thể sai. Hãy chỉnh lại đồng hồ trước khi in.',
    });
    expect(clockWarning(-(2 * 60 + 5) * MINUTE)?.message).toMatch(/^Đồng hồ máy tính đang chạy chậm 2 giờ 5 phút so với máy chủ tỉnh\./);
    expect(clockWarning(-6 * MINUTE)?.direction).toBe('slow');
  });
});

describe('offsetText', () => {
  it('reads minutes, hours and days', () => {
    expect(offsetText(6 * MINUTE + 20_000)).toBe('6 phút');
    expect(offsetText(-90 * MINUTE)).toBe('1 giờ 30 phút');
    expect(offsetText(3 * 60 * MINUTE)).toBe('3 giờ');
    expect(offsetText((3 * 24 + 4) * 60 * MINUTE)).toBe('3 ngày 4 giờ');
    expect(offsetText(2 * 24 * 60 * MINUTE)).toBe('2 ngày');
    expect(offsetText(-(56 * 365 * 24 * 60 + 90) * MINUTE)).toBe('20440 ngày 1 giờ');
  });
});
