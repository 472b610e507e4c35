import type { ReactNode } from 'react';
import type { DossierEvent, EventOf } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { feeText } from '../../../src/fees/fee-text.ts';
import type { PlaceNames } from '../../../src/people/place-names.ts';
import { PlaceLabel } from '../../components/PlaceLabel.tsx';
import { formatInstant, formatIsoDate } from '../../components/format.ts';
import type { DossierPersonalData } from '../../store/index.ts';

interface DossierFactsProps {
  dossier: ProjectedDossier;
  personal: DossierPersonalData;
  events: readonly DossierEvent[];
  officerName: (id: string | null) => string;
  places: PlaceNames;
  /** The digitised file of a checklist paper: its cell in the papers table. */
  paperFile(paperName: string): ReactNode;
}

const channelLabels = { 'in-person': 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' } as const;
const deliveryLabels = { desk: 'Tại bộ phận một cửa', post: 'Qua dịch vụ bưu chính công ích' } as const;

function statutoryText(time: EventOf<'RECEIVED'>['payload']['statutoryTime']): string {
  switch (time.kind) {
    case 'working-days':
      return `${time.days} ngày làm việc`;
    case 'working-hours':
      return `${time.hours} giờ làm việc`;
    case 'same-day':
      return `Trong ngày (nhận sau ${time.cutoff} trả ngày làm việc tiếp theo)`;
  }
}

type Organisation = NonNullable<EventOf<'RECEIVED'>['payload']['applicant']['organisation']>;

function OrganisationFacts({ organisation }: { organisation: Organisation }) {
  const representative = organisation.legalRepresentative;
  return (
    <>
      <dt>Mã số thuế</dt>
      <dd data-testid="tax-code">{organisation.taxCode}</dd>
      <dt>Người đại diện</dt>
      <dd>
        {representative.fullName} – {representative.position}
        {representative.citizenId ? ` (${representative.citizenId})` : ''}
      </dd>
    </>
  );
}

/** Everything the dossier holds: applicant, procedure, papers, fee and dates. */
export function DossierFacts({ dossier, personal, events, officerName, places, paperFile }: DossierFactsProps) {
  const received = events.find((e): e is EventOf<'RECEIVED'> => e.type === 'RECEIVED' && e.dossierCode === dossier.code);
  const p = received?.payload;
  const applicant = personal.applicant;
  return (
    <div className="facts-column">
      <section className="panel" aria-labelledby="facts-applicant">
        <h2 id="facts-applicant">Người nộp hồ sơ</h2>
        <dl className="facts">
          <dt>{p?.applicant.organisation ? 'Tổ chức' : 'Họ và tên'}</dt>
          <dd data-testid="applicant-name">{dossier.applicantName}</dd>
          {p?.applicant.organisation ? (
            <OrganisationFacts organisation={p.applicant.organisation} />
          ) : (
            <>
              <dt>Số định danh</dt>
              <dd>{applicant.citizenId ?? '—'}</dd>
            </>
          )}
          {applicant.birthDate && (
            <>
              <dt>Ngày sinh</dt>
              <dd>{formatIsoDate(applicant.birthDate)}</dd>
            </>
          )}
          <dt>Điện thoại</dt>
          <dd>{applicant.phone ?? '—'}</dd>
          {applicant.email && (
            <>
              <dt>Thư điện tử</dt>
              <dd>{applicant.email}</dd>
            </>
          )}
          <dt>Địa chỉ</dt>
          <dd>{applicant.address ?? '—'}</dd>
          {p?.representative && (
            <>
              <dt>Người được ủy quyền</dt>
              <dd data-testid="representative">
                {p.representative.fullName} ({p.representative.citizenId}
                {p.representative.phone ? `, ${p.representative.phone}` : ''})
              </dd>
            </>
          )}
          {personal.collectedBy && (
            <>
              <dt>Người nhận kết quả</dt>
              <dd>
                {personal.collectedBy.fullName}
                {personal.collectedBy.citizenId ? ` (${personal.collectedBy.citizenId})` : ''}
              </dd>
            </>
          )}
        </dl>
      </section>

      <section className="panel" aria-labelledby="facts-procedure">
        <h2 id="facts-procedure">Thủ tục và thời hạn</h2>
        <dl className="facts">
          <dt>Thủ tục</dt>
          <dd>
            {dossier.procedureName} <span className="muted">({dossier.procedureCode})</span>
          </dd>
          <dt>Lĩnh vực</dt>
          <dd>{dossier.field}</dd>
          {p && (
            <>
              <dt>Thời hạn giải quyết</dt>
              <dd>{statutoryText(p.statutoryTime)}</dd>
              <dt>Hình thức nộp</dt>
              <dd>{channelLabels[p.channel]}</dd>
            </>
          )}
          <dt>Tiếp nhận lúc</dt>
          <dd>{formatInstant(dossier.receivedAt)}</dd>
          {received && (
            <>
              <dt>Nơi tiếp nhận</dt>
              <dd>
                <PlaceLabel place={places.counter(received.deskId)} testId="received-at-counter" />
              </dd>
            </>
          )}
          <dt>Hẹn trả ban đầu</dt>
          <dd>{formatInstant(dossier.originalDueAt)}</dd>
          {dossier.dueAt !== dossier.originalDueAt && (
            <>
              <dt>Hẹn trả hiện tại</dt>
              <dd>
                <b>{formatInstant(dossier.dueAt)}</b>
              </dd>
            </>
          )}
          {dossier.finishedAt && (
            <>
              <dt>Giải quyết xong</dt>
              <dd>{formatInstant(dossier.finishedAt)}</dd>
            </>
          )}
          {dossier.returnedAt && (
            <>
              <dt>Trả kết quả lúc</dt>
              <dd>{formatInstant(dossier.returnedAt)}</dd>
            </>
          )}
          <dt>Đang giữ</dt>
          <dd>
            {dossier.holderOfficerId ? officerName(dossier.holderOfficerId) : 'Chưa chỉ định cán bộ'} · <PlaceLabel place={places.unit(dossier.holderUnitId)} testId="holder-unit" />
            {dossier.handoverPending && <span className="muted"> (chờ nhận bàn giao)</span>}
          </dd>
          {p && (
            <>
              <dt>Nơi trả kết quả</dt>
              <dd>{deliveryLabels[p.resultDelivery]}</dd>
            </>
          )}
        </dl>
      </section>

      {p && (
        <section className="panel" aria-labelledby="facts-papers">
          <h2 id="facts-papers">Thành phần hồ sơ ({p.sets} bộ)</h2>
          {p.papers.length === 0 ? (
            <p className="muted">Không ghi thành phần hồ sơ.</p>
          ) : (
            <table className="papers">
              <thead>
                <tr>
                  <th>Giấy tờ</th>
                  <th>Bản chính</th>
                  <th>Bản sao</th>
                  <th>Bản số hóa</th>
                </tr>
              </thead>
              <tbody>
                {p.papers.map((paper, index) => (
                  <tr key={index} data-testid="paper-row">
                    <td>{paper.name}</td>
                    {paper.presentedOnly ? (
                      <td colSpan={2}>Chỉ xuất trình</td>
                    ) : (
                      <>
                        <td>{paper.originals}</td>
                        <td>{paper.copies}</td>
                      </>
                    )}
                    <td>{paperFile(paper.name)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <dl className="facts">
            <dt>Phí, lệ phí</dt>
            <dd data-testid="fee-text">{feeText(p.fee)}</dd>
            {p.notes && (
              <>
                <dt>Ghi chú</dt>
                <dd>{p.notes}</dd>
              </>
            )}
          </dl>
        </section>
      )}
    </div>
  );
}
