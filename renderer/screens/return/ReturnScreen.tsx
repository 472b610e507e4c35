import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { readDossierReference } from '../../../src/dossier/dossier-reference.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { referenceContext } from '../../app/find-dossier.ts';
import { formatInstant } from '../../components/format.ts';
import { Notice } from '../../components/Notice.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useScanHandler } from '../../scanner/scanner-context.ts';
import { ReturnForm } from '../dossier-detail/actions/ReturnForm.tsx';
import { actionsFor } from '../dossier-detail/role-actions.ts';
import { GroupReturnList } from './GroupReturnList.tsx';
import { lookupForReturn, openForReturn } from './return-lookup.ts';
import type { ReturnLookup } from './return-lookup.ts';
import '../../components/forms.css';
import './return.css';

/**
 * The counter's second job: the citizen shows the receipt, the officer scans it (or types the
 * code and presses Enter), checks the dossier and presses Enter again to record the return.
 */
export function ReturnScreen() {
  const desk = useDesk();
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState<ReturnLookup>({ kind: 'idle' });
  const [returned, setReturned] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const show = useCallback(async (find: () => Promise<ReturnLookup>) => {
    setReturned(null);
    setBusy(true);
    try {
      setLookup(await find());
    } catch (error) {
      setLookup({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }, []);
  const open = useCallback((text: string) => show(() => lookupForReturn(desk.store, text, referenceContext(desk))), [desk, show]);
  const pick = useCallback(
    (dossierCode: string) => {
      setCode(dossierCode);
      void show(() => openForReturn(desk.store, dossierCode, desk.identity.agencyId));
    },
    [desk.store, desk.identity.agencyId, show],
  );

  // A scanned receipt (its barcode or lookup QR) is looked up here, in place, instead of opening the dossier's page.
  useScanHandler(
    useCallback(
      (text: string) => {
        const reading = readDossierReference(text);
        if (reading.kind !== 'reference' || reading.reference.kind !== 'code') return false;
        setCode(reading.reference.code);
        void open(reading.reference.code);
        return true;
      },
      [open],
    ),
  );

  const reset = () => {
    setLookup({ kind: 'idle' });
    setCode('');
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const found = lookup.kind === 'found' ? lookup : null;
  const mayReturn = found ? actionsFor(desk.officer.role, found.stored.state, desk.identity.agencyId).includes('RETURNED') : false;

  return (
    <section className="return-screen">
      <header className="section-header">
        <h1>Trả kết quả</h1>
        <p>Quét mã vạch trên giấy biên nhận, hoặc gõ số hồ sơ (4 số cuối, ví dụ 1001) hay cả mã rồi nhấn Enter. Nhấn Enter lần nữa để xác nhận trả.</p>
      </header>

      <form
        className="return-lookup"
        onSubmit={(event) => {
          event.preventDefault();
          void open(code);
        }}
      >
        <label htmlFor="return-code" className="form-label">
          Mã hồ sơ
        </label>
        <div className="return-lookup-row">
          <input
            id="return-code"
            ref={inputRef}
            className="field-input return-code-input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="Ví dụ: 1007, 251122-1007 hoặc 000.00.12.H23-251122-1007"
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
          <button type="submit" className="btn" disabled={busy}>
            Mở hồ sơ <kbd className="kbd">Enter</kbd>
          </button>
        </div>
      </form>

      {returned && (
        <Notice tone="success" testId="return-done">
          {returned}
        </Notice>
      )}
      {lookup.kind === 'error' && (
        <Notice tone="error" testId="return-error">
          {lookup.message}
        </Notice>
      )}
      {lookup.kind === 'choose' && <CandidateList message={lookup.message} dossiers={lookup.dossiers} onPick={pick} />}

      {found && (
        <article className="panel return-card" data-testid="return-card">
          <div className="return-card-head">
            <div>
              <div className="return-code">{found.stored.state.code}</div>
              <div className="return-name">{found.stored.state.applicantName}</div>
              <div className="muted">{found.stored.state.procedureName}</div>
            </div>
            <div className="return-card-side">
              <StatusBadge status={found.stored.state.status} />
              <div className="muted">Hẹn trả: {formatInstant(found.stored.state.dueAt)}</div>
              <Link href={`/ho-so/${encodeURIComponent(found.stored.state.code)}`}>Xem chi tiết</Link>
            </div>
          </div>
          <GroupReturnList dossier={found.stored.state} onPick={pick} />
          {found.blocked ? (
            <Notice tone="warning" testId="return-blocked">
              {found.blocked}
            </Notice>
          ) : !mayReturn ? (
            <Notice tone="warning">Vai trò của bạn không được ghi nhận trả kết quả.</Notice>
          ) : (
            <ReturnForm
              key={found.stored.state.code}
              dossier={found.stored.state}
              personal={found.stored.personal}
              events={found.events}
              onCancel={reset}
              onReturned={(codes) => setReturned(`Đã trả kết quả hồ sơ ${codes.join(', ')}. Sẵn sàng cho hồ sơ tiếp theo.`)}
              onDone={reset}
            />
          )}
        </article>
      )}
    </section>
  );
}

/** The dossiers a short number fits: the first has the focus, so Enter opens it and ↓/Tab move on. */
function CandidateList({ message, dossiers, onPick }: { message: string; dossiers: readonly ProjectedDossier[]; onPick: (code: string) => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [dossiers]);
  return (
    <section className="panel return-candidates" data-testid="return-candidates" aria-label="Chọn hồ sơ">
      <p>{message}</p>
      <span className="muted return-candidates-keys">↑ ↓ để chọn, Enter để mở.</span>
      <ul>
        {dossiers.map((dossier, index) => (
          <li key={dossier.code}>
            <button
              ref={index === 0 ? first : undefined}
              type="button"
              className="btn return-candidate"
              onClick={() => onPick(dossier.code)}
              onKeyDown={(event) => {
                const items = [...event.currentTarget.closest('ul')!.querySelectorAll<HTMLButtonElement>('button')];
                const at = items.indexOf(event.currentTarget);
                if (event.key === 'ArrowDown') items[Math.min(at + 1, items.length - 1)]?.focus();
                else if (event.key === 'ArrowUp') items[Math.max(at - 1, 0)]?.focus();
                else return;
                event.preventDefault();
              }}
            >
              <span className="return-code">{dossier.code}</span>
              <span className="return-candidate-name">{dossier.applicantName}</span>
              <span className="muted">Nhận {formatInstant(dossier.receivedAt)}</span>
              <StatusBadge status={dossier.status} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
