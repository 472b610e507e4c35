import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/dossier/events.ts';
import { eventFactory, receivedPayload } from './fixtures.ts';

/** A valid RECEIVED event (received 22/11/2025) with its payload changed after validation, as a desk could push it. */
function receivedWith(change: (payload: Record<string, unknown>) => void): unknown {
  const event = JSON.parse(JSON.stringify(eventFactory().make('RECEIVED', receivedPayload()))) as { payload: Record<string, unknown> };
  change(event.payload);
  return event;
}
const withBirthDate = (birthDate: string) => receivedWith((p) => ((p.applicant as Record<string, unknown>).birthDate = birthDate));
const withPapers = (papers: unknown[]) => receivedWith((p) => (p.papers = papers));

function refusal(value: unknown): { path: string; message: string } | null {
  const parsed = parseEvent(value);
  if (parsed.ok) return null;
  return { path: (parsed.error.path ?? []).join('.'), message: parsed.error.message };
}

describe('dates an event stores follow the date rule', () => {
  it('refuses a birth date that does not exist', () => {
    expect(refusal(withBirthDate('1990-02-31'))).toMatchObject({ path: 'payload.applicant.birthDate' });
  });

  it('refuses a birth date before 1900, saying so', () => {
    expect(refusal(withBirthDate('1899-12-31'))).toEqual({
      path: 'payload.applicant.birthDate',
      message: 'Sự kiện không hợp lệ ở trường "payload.applicant.birthDate": Ngày sinh không được trước năm 1900.',
    });
    expect(refusal(withBirthDate('1900-01-01'))).toBeNull();
  });

  it('refuses a birth date after the day of receipt (the server has no other "today" for it)', () => {
    expect(refusal(withBirthDate('2025-11-22'))).toBeNull();
    expect(refusal(withBirthDate('2025-11-23'))).toMatchObject({ path: 'payload.applicant.birthDate' });
    expect(refusal(withBirthDate('2030-01-01'))).toEqual({
      path: 'payload.applicant.birthDate',
      message: 'Sự kiện không hợp lệ ở trường "payload.applicant.birthDate": Ngày sinh không được sau ngày 22/11/2025.',
    });
  });
});

describe('papers only shown at the desk (xuất trình)', () => {
  it('are stored as such, without originals or copies', () => {
    const event = withPapers([
      { name: 'Tờ khai', originals: 1, copies: 0 },
      { name: 'Căn cước công dân', originals: 0, copies: 0, presentedOnly: true },
    ]);
    const parsed = parseEvent(event);
    expect(parsed.ok && parsed.value.type === 'RECEIVED' && parsed.value.payload.papers[1]).toEqual({ name: 'Căn cước công dân', originals: 0, copies: 0, presentedOnly: true });
  });

  it('cannot also claim copies handed over, and a paper neither kept nor shown is still refused', () => {
    expect(refusal(withPapers([{ name: 'Căn cước công dân', originals: 0, copies: 1, presentedOnly: true }]))).toMatchObject({ path: 'payload.papers.0.presentedOnly' });
    expect(refusal(withPapers([{ name: 'Tờ khai', originals: 0, copies: 0 }]))).toMatchObject({ path: 'payload.papers.0.originals' });
    expect(refusal(withPapers([{ name: 'Tờ khai', originals: 0, copies: 0, presentedOnly: false }]))).toMatchObject({ path: 'payload.papers.0.presentedOnly' });
  });

  it('leave events written before the field meaning what they meant', () => {
    expect(refusal(withPapers([{ name: 'Tờ khai', originals: 1, copies: 2 }]))).toBeNull();
  });
});
