import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { unitKindLabels } from '../../../src/units/unit-kind.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { useGroupMembers } from '../../components/use-group-members.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

/** What the counter can do with a component now: hand it over, wait for it, or nothing (returned). */
export function componentReadiness(member: ProjectedDossier | undefined, deskUnitId: string): 'ready' | 'returned' | 'waiting' | 'unknown' {
  if (!member) return 'unknown';
  if (member.status === DossierStatus.Returned) return 'returned';
  return member.status === DossierStatus.Resolved && member.holderUnitId === deskUnitId ? 'ready' : 'waiting';
}

const readinessText = {
  ready: 'Có kết quả, trả được',
  returned: 'Đã trả',
  waiting: 'Chưa có kết quả tại đơn vị này',
  unknown: 'Chưa có trên quầy này (đồng bộ để cập nhật)',
} as const;

/**
 * A linked group at the return counter: each component's result, which are ready here, and a
 * button to return a ready one now (the others follow when they come back), or wait for all.
 */
export function GroupReturnList({ dossier, onPick }: { dossier: ProjectedDossier; onPick: (code: string) => void }) {
  const desk = useDesk();
  const group = dossier.group;
  const members = useGroupMembers(desk.store, dossier);
  if (!group) return null;
  const states = group.members.map((m) => componentReadiness(members.get(m.dossierCode), desk.identity.agencyId));
  const returned = states.filter((s) => s === 'returned').length;
  const ready = states.filter((s) => s === 'ready').length;
  return (
    <section className="group-return" data-testid="group-return" aria-label="Nhóm hồ sơ liên thông">
      <p>
        Hồ sơ liên thông <strong>{dossier.linkedGroupId}</strong>: {group.members.length} thủ tục; đã trả {returned}, sẵn sàng trả {ready}.
        {ready > 0 && ready + returned < group.members.length && ' Có thể trả từng thủ tục đã có kết quả, hoặc hẹn công dân quay lại nhận cả nhóm.'}
      </p>
      <ul>
        {group.members.map((member, index) => {
          const held = members.get(member.dossierCode);
          const state = states[index]!;
          return (
            <li key={member.dossierCode} data-testid="group-return-member" data-readiness={state}>
              <span className="return-code">{member.dossierCode}</span> {member.procedureName}{' '}
              <span className="muted">({unitKindLabels[member.unitKind]})</span> {held && <StatusBadge status={held.status} />}{' '}
              <span className="muted">{readinessText[state]}</span>
              {state === 'ready' && member.dossierCode !== dossier.code && (
                <button type="button" className="btn" onClick={() => onPick(member.dossierCode)}>
                  Trả thủ tục này
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
