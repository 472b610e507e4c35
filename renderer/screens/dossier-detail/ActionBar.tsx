import { useEffect } from 'react';
import type { OfficerRole } from '../../../src/auth/officer.ts';
import type { PrintForm } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { actionLabelFor, actionsFor, CAUTION_ACTIONS, heldElsewhereNotice, mayPrint } from './role-actions.ts';
import type { TrackingAction } from './role-actions.ts';

interface ActionBarProps {
  dossier: ProjectedDossier;
  role: OfficerRole;
  /** The desk's unit: only the unit holding the dossier acts on it or prints its forms. */
  deskUnitId: string;
  onAction: (action: TrackingAction) => void;
  onPrint: (form: PrintForm) => void;
}

/**
 * Only what the state machine allows this desk's unit now and the officer's role permits. Alt+1…9
 * pick an action without the mouse (shown on each button).
 */
export function ActionBar({ dossier, role, deskUnitId, onAction, onPrint }: ActionBarProps) {
  const actions = actionsFor(role, dossier, deskUnitId);
  const heldElsewhere = heldElsewhereNotice(dossier, deskUnitId);
  const printable = mayPrint(dossier, deskUnitId);
  const actionKey = actions.join(',');

  useEffect(() => {
    const list = actionKey ? (actionKey.split(',') as TrackingAction[]) : [];
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const chosen = Number.isInteger(index) ? list[index] : undefined;
      if (chosen && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        onAction(chosen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actionKey, onAction]);

  return (
    <div className="action-bar" role="toolbar" aria-label="Thao tác với hồ sơ">
      {heldElsewhere ? (
        <span className="held-elsewhere" data-testid="held-elsewhere">
          {heldElsewhere}
        </span>
      ) : actions.length === 0 ? (
        <span className="muted">Không có thao tác nào cho hồ sơ ở trạng thái này.</span>
      ) : (
        actions.map((action, index) => (
          <button
            key={action}
            type="button"
            className={CAUTION_ACTIONS.has(action) ? 'btn btn-danger' : index === 0 ? 'btn btn-primary' : 'btn'}
            onClick={() => onAction(action)}
            data-action={action}
          >
            {actionLabelFor(action, dossier)} {index < 9 && <kbd className="kbd">Alt+{index + 1}</kbd>}
          </button>
        ))
      )}
      <span className="action-spacer" />
      {printable && (
        <>
          <button type="button" className="btn" onClick={() => onPrint('process-control')}>
            In phiếu kiểm soát
          </button>
          <button type="button" className="btn" onClick={() => onPrint('receipt')}>
            In lại giấy biên nhận
          </button>
        </>
      )}
    </div>
  );
}
