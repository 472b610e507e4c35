import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/dossier/events.ts';
import { AUTHORISATION_PAPER_NAME, hasAuthorisationPaper, isAuthorisationPaper, withAuthorisationPaper } from '../../../src/dossier/parties.ts';
import { eventFactory, receivedPayload } from './fixtures.ts';

const organisation = {
  fullName: 'Công ty TNHH Xây dựng Minh Phát',
  address: '12 Phố Huế, phường Hai Bà Trưng, Hà Nội',
  organisation: { taxCode: '0100109106', legalRepresentative: { fullName: 'Trần Văn Quang', position: 'Giám đốc', citizenId: '001080001234' } },
};
const representative = { fullName: 'Phạm Thị Dung', citizenId: '001190004321', phone: '0987654321' };
const authorisation = { name: AUTHORISATION_PAPER_NAME, originals: 1, copies: 0 };

/** A RECEIVED as a desk or the wire would hand it over, built without the schema's checks. */
function parsedReceived(overrides: Parameters<typeof receivedPayload>[0]) {
  const valid = JSON.parse(JSON.stringify(eventFactory().make('RECEIVED', receivedPayload()))) as { payload: object };
  return parseEvent({ ...valid, payload: { ...valid.payload, ...JSON.parse(JSON.stringify(overrides)) } });
}

function messagesOf(result: ReturnType<typeof parseEvent>): string {
  return result.ok ? '' : result.error.message;
}

describe('organisation applicants and authorised representatives in RECEIVED', () => {
  it('an organisation with its legal representative and a representative with the authorisation paper parse', () => {
    const base = receivedPayload();
    const parsed = parsedReceived({ applicant: organisation, representative, papers: [...base.papers, authorisation] });
    expect(parsed.ok).toBe(true);
    if (parsed.ok && parsed.value.type === 'RECEIVED') {
      expect(parsed.value.payload.applicant.organisation?.taxCode).toBe('0100109106');
      expect(parsed.value.payload.representative).toEqual(representative);
    }
  });

  it('a stored event without the new fields parses and means a person applying in person', () => {
    const parsed = parsedReceived({});
    expect(parsed.ok && parsed.value.type === 'RECEIVED' && parsed.value.payload.applicant.organisation).toBeUndefined();
    expect(parsed.ok && parsed.value.type === 'RECEIVED' && parsed.value.payload.representative).toBeUndefined();
  });

  it('refuses a tax code whose check digit is wrong', () => {
    const bad = { ...organisation, organisation: { ...organisation.organisation, taxCode: '0100109107' } };
    expect(messagesOf(parsedReceived({ applicant: bad }))).toContain('Mã số thuế');
  });

  it('refuses an organisation without its legal representative', () => {
    const bad = { ...organisation, organisation: { taxCode: '0100109106' } } as unknown as typeof organisation;
    expect(parsedReceived({ applicant: bad }).ok).toBe(false);
  });

  it('refuses a representative without the authorisation paper among the papers, or without a citizen ID', () => {
    expect(messagesOf(parsedReceived({ representative }))).toContain('giấy ủy quyền');
    const base = receivedPayload();
    const withoutId = { fullName: 'Phạm Thị Dung' } as typeof representative;
    expect(parsedReceived({ representative: withoutId, papers: [...base.papers, authorisation] }).ok).toBe(false);
  });
});

describe('the collector of the result in RETURNED', () => {
  const returned = (collectedBy: object) => parseEvent(JSON.parse(JSON.stringify({ ...eventFactory().make('NOTE', { text: 'x' }), type: 'RETURNED', payload: { collectedBy } })));

  it('another person or the representative must give their citizen ID; the applicant need not', () => {
    expect(returned({ fullName: 'Lê Văn Nam', relation: 'other' }).ok).toBe(false);
    expect(returned({ fullName: 'Lê Văn Nam', relation: 'representative' }).ok).toBe(false);
    expect(returned({ fullName: 'Lê Văn Nam', relation: 'other', citizenId: '001203004568' }).ok).toBe(true);
    expect(returned({ fullName: 'Nguyễn Văn An', relation: 'applicant' }).ok).toBe(true);
  });

  it('a stored RETURNED without a relation still parses', () => {
    expect(returned({ fullName: 'Nguyễn Văn An' }).ok).toBe(true);
  });
});

describe('the authorisation paper', () => {
  it('is recognised however it is written', () => {
    expect(isAuthorisationPaper('Giấy ủy quyền')).toBe(true);
    expect(isAuthorisationPaper('Văn bản uỷ quyền có chứng thực')).toBe(true);
    expect(isAuthorisationPaper('Tờ khai đăng ký khai sinh')).toBe(false);
  });

  it('is added once', () => {
    const papers = [{ name: 'Tờ khai' }];
    expect(withAuthorisationPaper(papers, { name: AUTHORISATION_PAPER_NAME })).toEqual([{ name: 'Tờ khai' }, { name: AUTHORISATION_PAPER_NAME }]);
    expect(hasAuthorisationPaper(withAuthorisationPaper(withAuthorisationPaper(papers, { name: AUTHORISATION_PAPER_NAME }), { name: 'x' }))).toBe(true);
    expect(withAuthorisationPaper([{ name: 'Giấy ủy quyền' }], { name: AUTHORISATION_PAPER_NAME })).toHaveLength(1);
  });
});
