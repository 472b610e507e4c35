import { useCallback, useEffect, useState } from 'react';
import type { OfficerRole } from '../../../src/auth/officer.ts';
import type { PrintForm } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { commandOfKey, keyOfCommand } from '../../app/shortcuts.ts';
import type { DetailCommand, DetailPrint } from '../../app/shortcuts.ts';
import { actionLabelFor, CAUTION_ACTIONS, heldElsewhereNotice, mayPrint, roleActions, unavailableReason } from './role-actions.ts';
import type { TrackingAction } from './role-actions.ts';

const PRINTS: ReadonlyArray<{ command: DetailPrint; form: PrintForm; label: string }> = [
  { command: 'PRINT_PROCESS_CONTROL', form: 'process-control', label: 'In phiếu kiểm soát' },
  { command: 'PRINT_RECEIPT', form: 'receipt', label: 'In lại giấy biên nhận' },
];

const isPrint = (command: DetailCommand): command is DetailPrint => command === 'PRINT_PROCESS_CONTROL' || command === 'PRINT_RECEIPT';

const printReasonOf = (dossier: ProjectedDossier, deskUnitId: string): string | null =>
  mayPrint(dossier, deskUnitId) ? null : 'Chỉ đơn vị đang giữ hồ sơ mới in được phiếu của hồ sơ.';

/** What a refusal said depends on: the dossier and the state its actions are judged in. */
export const refusalKey = (dossier: Pick<ProjectedDossier, 'code' | 'status' | 'holderUnitId' | 'handoverPending'> | null): string =>
  dossier ? `${dossier.code}|${dossier.status}|${dossier.holderUnitId}|${dossier.handoverPending}` : '';

/** Why the last action asked for could not be done; forgotten once the dossier or its state changes (`refusalKey`). */
export function useRefusal(stateKey: string): [string | null, (text: string | null) => void] {
  const [said, setSaid] = useState<{ stateKey: string; text: string } | null>(null);
  const say = useCallback((text: string | null) => setSaid(text === null ? null : { stateKey, text }), [stateKey]);
  return [said?.stateKey === stateKey ? said.text : null, say];
}

interface ActionBarProps {
  dossier: ProjectedDossier;
  role: OfficerRole;
  /** The desk's unit: only the unit holding the dossier acts on it or prints its forms. */
  deskUnitId: string;
  /** A unit's name for sentences (the id with a note when the desk has none). */
  unitText: (id: string) => string;
  onAction: (action: TrackingAction) => void;
  onPrint: (form: PrintForm) => void;
  /** Says why an asked-for action or print cannot be done (shown by the screen under the bar). */
  onRefused: (text: string | null) => void;
}

/**
 * Every action of the officer's role, each on its own fixed key (renderer/app/shortcuts.ts): the
 * ones the state machine or the holder rule do not allow now are greyed with the reason, and
 * their key says that reason instead of doing anything else. The print keys are handled here too;
 * their buttons are `PrintButtons`.
 */
export function ActionBar({ dossier, role, deskUnitId, unitText, onAction, onPrint, onRefused }: ActionBarProps) {
  const actions = roleActions(role).map((action) => ({ action, reason: unavailableReason(action, role, dossier, deskUnitId) }));
  const heldElsewhere = heldElsewhereNotice(dossier, deskUnitId, unitText);
  const printReason = printReasonOf(dossier, deskUnitId);
  const firstAvailable = actions.find((entry) => entry.reason === null)?.action;

  useEffect(() => {
    const run = (command: DetailCommand) => {
      if (isPrint(command)) {
        const print = PRINTS.find((p) => p.command === command);
        if (printReason !== null) onRefused(`${print?.label ?? 'In phiếu'}: ${printReason}`);
        else if (print) {
          onRefused(null);
          onPrint(print.form);
        }
        return;
      }
      const reason = unavailableReason(command, role, dossier, deskUnitId);
      if (reason !== null) onRefused(`${actionLabelFor(command, dossier)}: ${reason}`);
      else {
        onRefused(null);
        onAction(command);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      const command = commandOfKey(event);
      if (command === null || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dossier, role, deskUnitId, printReason, onAction, onPrint, onRefused]);

  return (
    <div className="action-bar-wrap">
      {heldElsewhere && (
        <p className="held-elsewhere" data-testid="held-elsewhere">
          {heldElsewhere}
        </p>
      )}
      <div className="action-bar" role="toolbar" aria-label="Thao tác với hồ sơ">
        {actions.map(({ action, reason }) => {
          const key = keyOfCommand(action).keys;
          if (reason !== null) {
            return (
              <button
                key={action}
                type="button"
                className="btn btn-unavailable"
                aria-disabled="true"
                title={reason}
                onClick={() => onRefused(`${actionLabelFor(action, dossier)}: ${reason}`)}
                data-unavailable-action={action}
              >
                {actionLabelFor(action, dossier)} <kbd className="kbd">{key}</kbd>
              </button>
            );
          }
          return (
            <button
              key={action}
              type="button"
              className={CAUTION_ACTIONS.has(action) ? 'btn btn-danger' : action === firstAvailable ? 'btn btn-primary' : 'btn'}
              onClick={() => {
                onRefused(null);
                onAction(action);
              }}
              data-action={action}
            >
              {actionLabelFor(action, dossier)} <kbd className="kbd">{key}</kbd>
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** The dossier's print buttons (top right of the detail), greyed with the reason where this unit may not print. */
export function PrintButtons({ dossier, deskUnitId, onPrint, onRefused }: Pick<ActionBarProps, 'dossier' | 'deskUnitId' | 'onPrint' | 'onRefused'>) {
  const printReason = printReasonOf(dossier, deskUnitId);
  return (
    <div className="detail-prints" role="toolbar" aria-label="In phiếu của hồ sơ">
      {PRINTS.map(({ command, form, label }) => (
        <button
          key={command}
          type="button"
          className={printReason === null ? 'btn' : 'btn btn-unavailable'}
          aria-disabled={printReason === null ? undefined : 'true'}
          title={printReason ?? undefined}
          onClick={() => {
            if (printReason !== null) return onRefused(`${label}: ${printReason}`);
            onRefused(null);
            onPrint(form);
          }}
          data-print={form}
        >
          {label} <kbd className="kbd">{keyOfCommand(command).keys}</kbd>
        </button>
      ))}
    </div>
  );
}
