import { describe, expect, it } from 'vitest';
import { printedNotice } from '../../../src/print/print-notice.ts';

describe('the notice after a print', () => {
  it('says plainly that the next print of the form will be marked as a copy', () => {
    expect(printedNotice({ isCopy: false, time: '09:05' })).toBe('Đã gửi lệnh in lúc 09:05. Lần in sau sẽ được đánh dấu BẢN SAO.');
    expect(printedNotice({ isCopy: true, time: '09:07' })).toBe('Đã gửi lệnh in (bản sao) lúc 09:07. Lần in sau cũng được đánh dấu BẢN SAO.');
  });

  it('says the same after a receipt from the thermal printer, with the print log line', () => {
    expect(printedNotice({ isCopy: false, time: '09:05', thermal: true, detail: 'nhật ký in: lần in thứ 1, bản chính' })).toBe(
      'Đã in biên nhận trên máy in nhiệt lúc 09:05; nhật ký in: lần in thứ 1, bản chính. Lần in sau sẽ được đánh dấu BẢN SAO.',
    );
  });
});
