import { describe, expect, it } from 'vitest';
import { digitisationFlags } from '../../../src/dossier/digitised-papers.ts';

const form = { name: 'Tờ khai' };
const birth = { name: 'Giấy chứng sinh' };
const idCard = { name: 'Căn cước', presentedOnly: true as const };
const scanOf = (paper: string) => ({ role: 'paper' as const, paper });
const result = { role: 'result' as const };

describe('digitisationFlags', () => {
  it('needs a scan of every paper kept in the dossier, matched by name', () => {
    expect(digitisationFlags([form, birth], [scanOf('Tờ khai')]).papersDigitised).toBe(false);
    expect(digitisationFlags([form, birth], [scanOf('Tờ khai'), scanOf('Giấy chứng sinh')]).papersDigitised).toBe(true);
    expect(digitisationFlags([form, birth], [scanOf('Tờ khai'), scanOf('Tờ khai ')]).papersDigitised).toBe(false);
  });

  it('does not ask for a scan of a paper only shown at the desk', () => {
    expect(digitisationFlags([form, idCard], [scanOf('Tờ khai')]).papersDigitised).toBe(true);
  });

  it('counts a dossier keeping no paper as digitised only once a paper file is attached', () => {
    expect(digitisationFlags([], []).papersDigitised).toBe(false);
    expect(digitisationFlags([idCard], []).papersDigitised).toBe(false);
    expect(digitisationFlags([idCard], [scanOf('Căn cước')]).papersDigitised).toBe(true);
    // A result is no paper of the dossier.
    expect(digitisationFlags([], [result]).papersDigitised).toBe(false);
  });

  it('marks the result digitised when a result file is attached, whatever the papers', () => {
    expect(digitisationFlags([form], [result])).toEqual({ papersDigitised: false, resultDigitised: true });
    expect(digitisationFlags([form], [scanOf('Tờ khai')])).toEqual({ papersDigitised: true, resultDigitised: false });
  });
});
