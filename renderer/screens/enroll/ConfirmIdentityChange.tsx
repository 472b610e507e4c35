import { useCallback, useState } from 'react';
import type { IdentityChange } from '../../../src/auth/desk-setup.ts';
import { Dialog } from '../../components/Dialog.tsx';
import './identity-change.css';

interface Pending {
  change: IdentityChange;
  answer: (confirmed: boolean) => void;
}

/**
 * Asks, in a dialog, before an enrolment replaces the province-issued unit or counter: returns the
 * `confirmIdentityChange` to hand to `enrollDesk` and the dialog to render.
 */
export function useConfirmIdentityChange() {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (change: IdentityChange) =>
      new Promise<boolean>((resolve) => {
        setPending({
          change,
          answer: (confirmed) => {
            setPending(null);
            resolve(confirmed);
          },
        });
      }),
    [],
  );
  const dialog = pending ? <ConfirmIdentityChangeDialog change={pending.change} onAnswer={pending.answer} /> : null;
  return { confirm, dialog };
}

function ConfirmIdentityChangeDialog({ change, onAnswer }: { change: IdentityChange; onAnswer: (confirmed: boolean) => void }) {
  const { before, after } = change;
  return (
    <Dialog title="Đổi đơn vị hoặc số quầy?" onClose={() => onAnswer(false)}>
      <p>Mã kích hoạt này thuộc một quầy khác với quầy hiện tại:</p>
      <table className="identity-change" data-testid="identity-change">
        <thead>
          <tr>
            <th />
            <th>Hiện tại</th>
            <th>Sau khi kích hoạt</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Đơn vị</th>
            <td>
              {before.unitName} ({before.agencyId})
            </td>
            <td>
              {after.unitName} ({after.agencyId})
            </td>
          </tr>
          <tr>
            <th scope="row">Quầy</th>
            <td>Quầy {before.slot}</td>
            <td>Quầy {after.slot}</td>
          </tr>
        </tbody>
      </table>
      <p>Hồ sơ mới sẽ mang mã của quầy mới. Hồ sơ đã tiếp nhận vẫn giữ trên máy.</p>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => onAnswer(true)}>
          Đổi sang Quầy {after.slot} của {after.unitName}
        </button>
        <button type="button" className="btn" onClick={() => onAnswer(false)} data-autofocus>
          Giữ nguyên quầy hiện tại
        </button>
      </div>
    </Dialog>
  );
}
