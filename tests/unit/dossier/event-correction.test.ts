import { describe, expect, it } from 'vitest';
import { proposeTextCorrection } from '../../../src/dossier/event-correction.ts';
import { withValueAt } from '../../support/event-text-fields.ts';
import { eventFactory, receivedPayload } from './fixtures.ts';

const NAME = ['payload', 'applicant', 'fullName'];

describe('proposeTextCorrection', () => {
  it('takes the refused characters out of every text holding one, and nothing else', () => {
    const event = eventFactory().make('RECEIVED', receivedPayload({ notes: 'Dòng một\nDòng hai' }));
    const poisoned = withValueAt(withValueAt(event, NAME, 'Nguy\u0000ễn\u202E Văn An'), ['payload', 'notes'], 'Dòng một\r\nDòng hai\u0007');
    const proposal = proposeTextCorrection(poisoned);
    expect(proposal).toEqual({
      ok: true,
      value: {
        corrected: event,
        texts: [
          { path: NAME, label: 'Họ và tên người nộp hồ sơ', lines: 'one-line', before: 'Nguy\u0000ễn\u202E Văn An', after: 'Nguyễn Văn An' },
          { path: ['payload', 'notes'], label: 'Ghi chú khi tiếp nhận', lines: 'multi-line', before: 'Dòng một\r\nDòng hai\u0007', after: 'Dòng một\nDòng hai' },
        ],
      },
    });
  });

  it('corrects an item of a list by its index', () => {
    const event = eventFactory().make('SUPPLEMENT_REQUESTED', { reason: 'Thiếu', items: ['Giấy khai sinh', 'Sổ hộ khẩu'] });
    const proposal = proposeTextCorrection(withValueAt(event, ['payload', 'items', 1], 'Sổ\uFEFF hộ khẩu'));
    expect(proposal.ok && proposal.value.corrected).toEqual(event);
    expect(proposal.ok && proposal.value.texts[0]).toMatchObject({ path: ['payload', 'items', 1], label: 'Giấy tờ cần bổ sung' });
  });

  it('refuses what it cannot put right: a valid event, another problem, a text made only of refused characters', () => {
    const event = eventFactory().make('RECEIVED', receivedPayload());
    expect(proposeTextCorrection(event)).toMatchObject({ ok: false, error: { code: 'correction.nothing_to_correct' } });
    expect(proposeTextCorrection(withValueAt(withValueAt(event, NAME, 'A\u0000'), ['payload', 'sets'], 0))).toMatchObject({ ok: false, error: { code: 'correction.not_text' } });
    expect(proposeTextCorrection(withValueAt(event, NAME, '\u0000\u202E'))).toMatchObject({ ok: false, error: { code: 'correction.still_invalid' } });
    expect(proposeTextCorrection({ not: 'an event' })).toMatchObject({ ok: false, error: { code: 'correction.not_text' } });
  });
});
