import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'wouter';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import type { CounterConsultation } from '../../../src/counter/consultation.ts';
import { computeAppointment } from '../../../src/deadline/appointment.ts';
import { chosenComponents, planLinkedReception, type LinkedGroupErrors } from '../../../src/dossier/linked-group.ts';
import { parseCitizenCardQr } from '../../../src/people/citizen-card-qr.ts';
import { statutoryTimeText, timeAndDate } from '../../../src/print/forms/common.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PrintFormDialog } from '../../print/PrintFormDialog.tsx';
import { useScanHandler } from '../../scanner/scanner-context.ts';
import { consultationSavedText, useCounterOutcomes } from './CounterOutcomes.tsx';
import { receiveDossiers } from './issue-code.ts';
import { fillGroupPersonFromCard, groupReceptionParts } from './group-reception.ts';
import { LinkedGroupFields } from './LinkedGroupFields.tsx';
import { ProcedurePicker, recentShortcut } from './ProcedurePicker.tsx';
import { loadRecentProcedures, rememberProcedure } from './recent-procedures.ts';
import { ApplicantFields, FeeAndDelivery, PapersChecklist } from './ReceiveFields.tsx';
import { EMPTY_RECEIVE_VALUES, isoToDisplayDate, papersOf, toPayload } from './receive-form.ts';
import type { ReceiveErrors, ReceiveValues } from './receive-form.ts';
import './receive.css';
import { officerRoleLabels } from '../../../src/auth/officer.ts';
import { roleMayRecord } from '../../../src/auth/role-permissions.ts';

type Notice = { kind: 'ok' | 'error' | 'info'; text: string; code?: string };

/** Ticks every 30 s so the live appointment follows the clock (a dossier received after 15:00…). */
function useNow(now: () => number): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => setValue(now()), 30_000);
    return () => window.clearInterval(timer);
  }, [now]);
  return value;
}

/**
 * "Tiếp nhận hồ sơ": procedure, applicant, papers, fee, delivery; Enter saves, issues the dossier
 * code, stores the RECEIVED event and opens the receipt for printing. A scanned citizen ID card
 * QR fills the applicant; any other scan is left to the shell (a dossier code opens that dossier).
 */
/**
 * The receive screen, for the roles that receive (src/auth/role-permissions.ts): anyone else is told
 * so here, rather than have the province refuse their receipts at the next sync.
 */
export function ReceiveScreen() {
  const desk = useDesk();
  if (!roleMayRecord(desk.officer.role, 'RECEIVED')) {
    return (
      <div className="receive-screen">
        <header className="receive-header">
          <h1>Tiếp nhận hồ sơ</h1>
        </header>
        <Notice tone="info" testId="receive-not-for-role">
          {officerRoleLabels[desk.officer.role]} không tiếp nhận hồ sơ. Hồ sơ do cán bộ tiếp nhận hoặc lãnh đạo đơn vị tiếp nhận; việc của bạn ở mục Hồ sơ và Cảnh báo.
        </Notice>
      </div>
    );
  }
  return <ReceiveWorkspace />;
}

function ReceiveWorkspace() {
  const desk = useDesk();
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const [errors, setErrors] = useState<ReceiveErrors>({});
  const [groupErrors, setGroupErrors] = useState<LinkedGroupErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const [receipt, setReceipt] = useState<string | null>(null);
  const procedureInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement | null>(null);
  const form = useForm<ReceiveValues>({ defaultValues: EMPTY_RECEIVE_VALUES });
  const { register, reset, setValue, getValues, control } = form;
  const nowMs = useNow(desk.now);

  useEffect(() => {
    void loadRecentProcedures(desk.store, desk.officer.id).then(setRecent);
  }, [desk.store, desk.officer.id]);

  useEffect(() => {
    if (!receipt) procedureInput.current?.focus();
  }, [receipt]);

  const selectProcedure = useCallback(
    (next: Procedure) => {
      setProcedure(next);
      setValue('papers', papersOf(next));
      setValue('groupComponents', []);
      setErrors({});
      setGroupErrors({});
      // The applicant comes next, unless it was already filled from a card.
      window.setTimeout(() => (getValues('fullName') ? undefined : nameInput.current?.focus()), 0);
    },
    [getValues, setValue],
  );

  const ticked = useWatch({ control, name: 'groupComponents' });
  const clearGroupError = useCallback((key: string) => {
    setGroupErrors((current) => {
      if (!(`data.${key}` in current)) return current;
      const rest = { ...current };
      delete rest[`data.${key}` as keyof LinkedGroupErrors];
      return rest;
    });
  }, []);
  const appointment = useMemo(() => {
    if (!procedure) return null;
    try {
      // A group's appointment is its latest component's.
      const group = procedure.linked;
      const times = group ? chosenComponents(group, ticked).map((c) => c.statutoryTime) : [procedure.statutoryTime];
      return Math.max(...times.map((time) => computeAppointment(desk.calendar, nowMs, time)));
    } catch {
      return null;
    }
  }, [desk.calendar, nowMs, procedure, ticked]);

  const onScan = useCallback(
    (text: string) => {
      const card = parseCitizenCardQr(text, localDateOf(desk.now()));
      if (card.ok && procedure?.linked && getValues('fullName').trim() !== '') {
        // The declarant is filled: a second card in a group is the mother's (birth) or the deceased's (death).
        const filled = fillGroupPersonFromCard(procedure.linked, card.value, (key, value) => setValue(`groupData.${key}`, value), getValues('groupData'));
        if (filled) {
          setNotice({ kind: 'info', text: `Đã điền ${filled} từ thẻ căn cước của ${card.value.fullName}.` });
          return true;
        }
      }
      if (card.ok) {
        const { fullName, citizenId, birthDate, sex, address } = card.value;
        setValue('fullName', fullName);
        setValue('citizenId', citizenId);
        setValue('birthDate', isoToDisplayDate(birthDate));
        setValue('sex', sex);
        setValue('address', address);
        setErrors({});
        setNotice({ kind: 'info', text: `Đã điền thông tin người nộp từ thẻ căn cước của ${fullName}.` });
        return true;
      }
      // Fields separated by "|": a card QR that could not be read; say why rather than "unknown code".
      if (text.includes('|')) {
        setNotice({ kind: 'error', text: `Mã vừa quét chưa dùng được. ${card.error.message}` });
        return true;
      }
      return false;
    },
    [desk, getValues, procedure, setValue],
  );
  useScanHandler(onScan, 'mã QR trên thẻ căn cước');

  const save = useCallback(async () => {
    if (saving || receipt) return;
    if (!procedure) {
      setNotice({ kind: 'error', text: 'Chưa chọn thủ tục hành chính (F2 để tìm).' });
      procedureInput.current?.focus();
      return;
    }
    const values = getValues();
    const today = localDateOf(desk.now());
    const checked = toPayload(procedure, values, today);
    const plan = procedure.linked ? planLinkedReception(procedure, values.groupComponents, values.groupData, today) : null;
    if (!checked.ok || (plan && !plan.ok)) {
      setErrors(checked.ok ? {} : checked.errors);
      setGroupErrors(plan && !plan.ok ? plan.errors : {});
      setNotice({ kind: 'error', text: 'Hồ sơ chưa lưu: hãy sửa các ô báo đỏ.' });
      const first = checked.ok ? undefined : Object.keys(checked.errors)[0];
      if (first === 'fullName') nameInput.current?.focus();
      return;
    }
    setErrors({});
    setGroupErrors({});
    setSaving(true);
    try {
      const receivedAtMs = desk.now();
      const deps = { store: desk.store, identity: desk.identity, officerId: desk.officer.id, now: desk.now, newEventId: desk.newEventId };
      const parts =
        plan && plan.ok
          ? groupReceptionParts(procedure, plan.components, checked.payload, (time) => computeAppointment(desk.calendar, receivedAtMs, time))
          : [{ draft: checked.payload, dueAtMs: computeAppointment(desk.calendar, receivedAtMs, procedure.statutoryTime) }];
      // The recent-procedures hint is independent of the dossier: written alongside, not after.
      const [events, recent] = await Promise.all([receiveDossiers(parts, receivedAtMs, deps), rememberProcedure(desk.store, desk.officer.id, procedure.code)]);
      const event = events[0]!;
      setRecent(recent);
      const what = events.length > 1 ? `nhóm hồ sơ liên thông ${event.dossierCode} (${events.length} hồ sơ thành phần: ${events.map((e) => e.dossierCode).join(', ')})` : `hồ sơ ${event.dossierCode}`;
      setNotice({ kind: 'ok', text: `Đã tiếp nhận ${what} của ${event.payload.applicant.fullName}.`, code: event.dossierCode });
      setReceipt(event.dossierCode);
      setProcedure(null);
      reset(EMPTY_RECEIVE_VALUES);
    } catch (error) {
      setNotice({ kind: 'error', text: `Chưa lưu được hồ sơ: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setSaving(false);
    }
  }, [desk, getValues, procedure, receipt, reset, saving]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (receipt) return;
      if (event.key === 'F2') {
        event.preventDefault();
        procedureInput.current?.focus();
      } else if (event.key === 'F3') {
        event.preventDefault();
        nameInput.current?.focus();
      } else {
        const index = recentShortcut(event);
        const code = index === null ? undefined : recent[index];
        const picked = code ? desk.catalogue.procedures.find((p) => p.code === code) : undefined;
        if (picked) {
          event.preventDefault();
          selectProcedure(picked);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [desk.catalogue, receipt, recent, selectProcedure]);

  const counter = useCounterOutcomes({
    procedure,
    values: getValues,
    idle: !receipt && !saving,
    onInvalid: useCallback((invalid: ReceiveErrors, text: string) => {
      setErrors(invalid);
      setNotice({ kind: 'error', text });
      if (invalid.fullName) nameInput.current?.focus();
    }, []),
    onSaved: useCallback(
      (consultation: CounterConsultation) => {
        setNotice({ kind: 'ok', text: consultationSavedText(consultation) });
        setProcedure(null);
        setErrors({});
        reset(EMPTY_RECEIVE_VALUES);
      },
      [reset],
    ),
  });

  const onFormKeyDown = (event: ReactKeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA' || target.tagName === 'A') return;
    event.preventDefault();
    void save();
  };

  return (
    <div className="receive-screen">
      <header className="receive-header">
        <div>
          <h1>Tiếp nhận hồ sơ</h1>
          <p className="shortcuts">
            <kbd>F2</kbd> thủ tục · <kbd>F3</kbd> người nộp · <kbd>Alt+1…6</kbd> thủ tục gần đây · <kbd>Enter</kbd> lưu và in biên nhận · <kbd>Alt+B</kbd> hướng dẫn bổ sung · <kbd>Alt+U</kbd> từ chối tại quầy · quét thẻ căn cước để điền người nộp
          </p>
        </div>
      </header>
      {notice && (
        <p className={`receive-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="receive-notice">
          {notice.text}
          {notice.code && (
            <>
              {' '}
              <Link href={`/ho-so/${encodeURIComponent(notice.code)}`}>Mở hồ sơ</Link>
            </>
          )}
        </p>
      )}
      <form className="receive-form" onSubmit={(event) => { event.preventDefault(); void save(); }} onKeyDown={onFormKeyDown} noValidate>
        <div className="receive-columns">
          <div className="column">
            <fieldset className="panel">
              <legend>Thủ tục</legend>
              <ProcedurePicker ref={procedureInput} catalogue={desk.catalogue} selected={procedure} recent={recent} onSelect={selectProcedure} />
            </fieldset>
            <ApplicantFields register={register} control={control} setValue={setValue} getValues={getValues} errors={errors} nameRef={(el) => (nameInput.current = el)} />
          </div>
          <div className="column">
            {procedure?.linked && <LinkedGroupFields group={procedure.linked} register={register} control={control} errors={groupErrors} calendar={desk.calendar} nowMs={nowMs} onEdited={clearGroupError} />}
            <PapersChecklist register={register} control={control} errors={errors} />
            <FeeAndDelivery register={register} control={control} procedure={procedure} errors={errors} />
          </div>
        </div>
        <footer className="receive-footer">
          <div className="appointment" data-testid="appointment">
            {procedure && appointment !== null ? (
              <>
                <span className="label">Hẹn trả kết quả</span>
                <strong>{timeAndDate(appointment)}</strong>
                <span className="muted">{procedure.linked ? 'Theo thủ tục thành phần chậm nhất' : `Thời hạn: ${statutoryTimeText(procedure.statutoryTime)}`}</span>
              </>
            ) : (
              <span className="muted">Ngày hẹn trả hiện khi chọn thủ tục.</span>
            )}
          </div>
          <button type="button" onClick={() => { reset(EMPTY_RECEIVE_VALUES); setProcedure(null); setErrors({}); setGroupErrors({}); setNotice(null); procedureInput.current?.focus(); }}>
            Làm lại
          </button>
          {counter.buttons}
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Đang lưu…' : 'Lưu và in biên nhận'} <kbd>Enter</kbd>
          </button>
        </footer>
      </form>
      {counter.dialogs}
      {receipt && <PrintFormDialog form="receipt" dossierCode={receipt} onClose={() => setReceipt(null)} />}
    </div>
  );
}
