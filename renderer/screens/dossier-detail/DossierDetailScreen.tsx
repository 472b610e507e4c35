import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { missingCodeMessage } from '../../../src/dossier/dossier-reference.ts';
import type { DossierEvent, PrintForm } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import type { PlaceNames } from '../../../src/people/place-names.ts';
import type { DossierPersonalData } from '../../store/index.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { DeadlineBadge } from '../../components/DeadlineBadge.tsx';
import { deadlineKindOf } from '../../components/deadline-view.ts';
import { formatInstant } from '../../components/format.ts';
import { Notice } from '../../components/Notice.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useClock, useDossierChanges } from '../../components/use-live.ts';
import { usePlaceNames } from '../../components/use-place-names.ts';
import { PrintFormDialog } from '../../print/PrintFormDialog.tsx';
import { ActionDialog } from './actions/ActionDialog.tsx';
import { ActionBar, PrintButtons, refusalKey, useRefusal } from './ActionBar.tsx';
import { DossierFacts } from './DossierFacts.tsx';
import { formAfterAction } from './role-actions.ts';
import type { TrackingAction } from './role-actions.ts';
import { RouteTimeline } from './RouteTimeline.tsx';
import { useDossier } from './use-dossier.ts';
import { FeePanel } from '../../fees/FeePanel.tsx';
import { LinkedGroupPanel } from './LinkedGroupPanel.tsx';
import { useDossierAttachments } from '../../attachments/DossierAttachments.tsx';
import '../../components/forms.css';
import './dossier-detail.css';

export function DossierDetailScreen() {
  const params = useParams<{ code: string }>();
  const rawCode = safeDecode(params.code ?? '');
  // One instance per dossier: what was said about one dossier ("Đã ghi: chuyển hồ sơ") never shows on the next.
  return <DossierDetail key={rawCode} rawCode={rawCode} />;
}

function DossierDetail({ rawCode }: { rawCode: string }) {
  const desk = useDesk();
  const version = useDossierChanges(desk.store);
  const load = useDossier(desk.store, rawCode, version);
  const places = usePlaceNames(desk.store, desk.identity, version);

  if (load.state !== 'ready' || places === null) {
    return (
      <section className="dossier-detail">
        <header className="section-header">
          <h1>Chi tiết hồ sơ</h1>
        </header>
        {(load.state === 'loading' || (load.state === 'ready' && places === null)) && <p className="muted">Đang mở hồ sơ…</p>}
        {load.state === 'invalid' && <Notice tone="error" testId="detail-error">{load.message}</Notice>}
        {load.state === 'missing' && (
          <Notice tone="error" testId="detail-error">
            {missingCodeMessage(load.code, desk.identity)}
          </Notice>
        )}
        {load.state === 'failed' && <Notice tone="error" testId="detail-error">Không đọc được hồ sơ: {load.message}</Notice>}
        <p>
          <Link href="/ho-so">← Về danh sách hồ sơ</Link>
        </p>
      </section>
    );
  }

  return <LoadedDossier dossier={load.stored.state} personal={load.stored.personal} events={load.events} places={places} />;
}

interface LoadedDossierProps {
  dossier: ProjectedDossier;
  personal: DossierPersonalData;
  events: readonly DossierEvent[];
  places: PlaceNames;
}

function LoadedDossier({ dossier, personal, events, places }: LoadedDossierProps) {
  const desk = useDesk();
  const nowMs = useClock(desk.now);
  const [action, setAction] = useState<TrackingAction | null>(null);
  const [printing, setPrinting] = useState<PrintForm | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useRefusal(refusalKey(dossier));
  const attachments = useDossierAttachments(dossier, setDone);
  const kind = deadlineKindOf(dossier, { calendar: desk.calendar, nowMs, dueSoonWorkingMinutes: desk.settings.dueSoonWorkingMinutes });
  const officerName = (id: string | null) => (id ? desk.officerName(id) : '—');

  return (
    <section className="dossier-detail">
      <header className="detail-header">
        <div className="detail-title">
          <Link href="/ho-so" className="back-link">
            ← Danh sách
          </Link>
          <h1>
            Hồ sơ <span className="detail-code" data-testid="detail-code">{dossier.code}</span>
          </h1>
          <div className="detail-badges">
            <StatusBadge status={dossier.status} />
            <DeadlineBadge kind={kind} />
            <span className="detail-due">Hẹn trả: {formatInstant(dossier.dueAt)}</span>
          </div>
          <p className="detail-sub">
            {dossier.applicantName} · {dossier.procedureName}
          </p>
        </div>
        <PrintButtons dossier={dossier} deskUnitId={desk.identity.agencyId} onPrint={setPrinting} onRefused={setRefused} />
      </header>

      <ActionBar
        dossier={dossier}
        role={desk.officer.role}
        deskUnitId={desk.identity.agencyId}
        unitText={places.unitText}
        onAction={(next) => {
          setDone(null);
          setAction(next);
        }}
        onPrint={setPrinting}
        onRefused={setRefused}
      />
      {refused && (
        <p className="action-refused" role="alert" data-testid="action-unavailable">
          {refused}
        </p>
      )}
      {done && <Notice tone="success" testId="action-done">{done}</Notice>}
      <FeePanel events={events} deskUnitId={desk.identity.agencyId} />
      <LinkedGroupPanel dossier={dossier} events={events} unitText={places.unitText} />

      <div className="detail-grid">
        <div className="facts-stack">
          <DossierFacts dossier={dossier} personal={personal} events={events} officerName={officerName} places={places} paperFile={attachments.paperFile} />
          {attachments.resultPanel}
        </div>
        <RouteTimeline eventIds={dossier.eventIds} events={events} anomalies={dossier.anomalies} officerName={desk.officerName} places={places} />
      </div>

      {action && (
        <ActionDialog
          action={action}
          dossier={dossier}
          events={events}
          personal={personal}
          onCancel={() => setAction(null)}
          onDone={() => {
            setDone(`Đã ghi: ${labelOf(action)}.`);
            setAction(null);
            const form = formAfterAction[action];
            if (form) setPrinting(form);
          }}
        />
      )}
      {attachments.dialogs}
      {printing && <PrintFormDialog form={printing} dossierCode={dossier.code} onClose={() => setPrinting(null)} />}
    </section>
  );
}

function labelOf(action: TrackingAction): string {
  return {
    ACCEPTED: 'nhận xử lý hồ sơ',
    TRANSFERRED: 'chuyển hồ sơ',
    SUPPLEMENT_REQUESTED: 'yêu cầu bổ sung hồ sơ',
    SUPPLEMENT_RECEIVED: 'nhận hồ sơ bổ sung',
    FINANCIAL_OBLIGATION_REQUESTED: 'yêu cầu thực hiện nghĩa vụ tài chính',
    FINANCIAL_OBLIGATION_FULFILLED: 'ghi nhận đã thực hiện nghĩa vụ tài chính',
    RESOLVED: 'hoàn thành giải quyết',
    RETURNED: 'trả kết quả',
    EXTENDED: 'xin lỗi và hẹn lại ngày trả',
    REFUSED: 'từ chối giải quyết',
    WITHDRAWN: 'rút hồ sơ',
    STOPPED: 'dừng giải quyết',
  }[action];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
