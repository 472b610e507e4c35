import type { PartyLines } from '../../../src/print/forms/index.ts';

/** The organisation's tax code and legal representative, and the authorised person, under the applicant. */
export function PartyLinesBlock({ parties }: { parties: PartyLines }) {
  return (
    <>
      {parties.organisation && (
        <>
          <p data-testid="form-tax-code">Mã số thuế/mã số doanh nghiệp: {parties.organisation.taxCode}</p>
          <p>Người đại diện theo pháp luật: {parties.organisation.legalRepresentative}</p>
        </>
      )}
      {parties.representative && (
        <p data-testid="form-representative">
          Người được ủy quyền nộp hồ sơ: <strong>{parties.representative.fullName}</strong>, số định danh cá nhân {parties.representative.citizenId}
          {parties.representative.phone && <>, số điện thoại {parties.representative.phone}</>}
        </p>
      )}
    </>
  );
}
