import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { OfficerProfile } from '../../../src/auth/officer.ts';
import { officerRoleLabels, officerRoleSchema } from '../../../src/auth/officer.ts';
import { DomainError } from '../../../src/errors.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { Notice } from '../../components/Notice.tsx';
import { createDeskAuth } from '../../store/index.ts';
import { FormField } from '../dossier-detail/actions/FormField.tsx';
import { deactivationBlocker } from './officer-rules.ts';
import { EMPTY_OFFICER_FORM, officerFormSchema } from './officer-form.ts';
import type { OfficerFormInput, OfficerFormValues } from './officer-form.ts';

type Message = { tone: 'error' | 'success'; text: string } | null;

/** The unit's officers on this desk: everyone sees the list; an administrator adds and stops accounts. */
export function OfficersSection() {
  const desk = useDesk();
  const isAdmin = desk.officer.role === 'admin';
  const [message, setMessage] = useState<Message>(null);

  const setActive = async (officer: OfficerProfile, active: boolean) => {
    setMessage(null);
    try {
      await desk.store.officers.setActive(officer.id, active);
      await desk.reloadOfficers();
      setMessage({ tone: 'success', text: active ? `Đã cho tài khoản ${officer.username} hoạt động lại.` : `Đã ngừng tài khoản ${officer.username}: cán bộ này không đăng nhập được nữa.` });
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : 'Không đổi được trạng thái tài khoản.' });
    }
  };

  return (
    <section className="panel settings-panel officers-panel" aria-labelledby="officers-title">
      <h2 id="officers-title">Cán bộ của đơn vị</h2>
      <table className="officers-table" data-testid="officers-table">
        <thead>
          <tr>
            <th scope="col">Họ và tên</th>
            <th scope="col">Tên đăng nhập</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Trạng thái</th>
            {isAdmin && <th scope="col" aria-label="Thao tác" />}
          </tr>
        </thead>
        <tbody>
          {desk.officers.map((officer) => (
            <OfficerRow key={officer.id} officer={officer} isAdmin={isAdmin} onSetActive={(active) => void setActive(officer, active)} />
          ))}
        </tbody>
      </table>
      {message && (
        <Notice tone={message.tone} testId="officers-message">
          {message.text}
        </Notice>
      )}
      {isAdmin ? (
        <AddOfficerForm onAdded={(officer) => setMessage({ tone: 'success', text: `Đã thêm ${officerRoleLabels[officer.role].toLocaleLowerCase('vi')} ${officer.fullName} (${officer.username}).` })} />
      ) : (
        <p className="muted small">Chỉ quản trị viên được thêm hoặc ngừng tài khoản cán bộ.</p>
      )}
    </section>
  );
}

function OfficerRow({ officer, isAdmin, onSetActive }: { officer: OfficerProfile; isAdmin: boolean; onSetActive: (active: boolean) => void }) {
  const desk = useDesk();
  const blocker = officer.active ? deactivationBlocker(desk.officers, officer, desk.officer) : null;
  return (
    <tr data-username={officer.username} className={officer.active ? undefined : 'inactive'}>
      <td>
        {officer.fullName}
        {officer.id === desk.officer.id && <span className="muted"> (bạn)</span>}
      </td>
      <td className="mono">{officer.username}</td>
      <td>{officerRoleLabels[officer.role]}</td>
      <td>{officer.active ? 'Đang hoạt động' : 'Đã ngừng'}</td>
      {isAdmin && (
        <td className="officer-action">
          {officer.active ? (
            <button type="button" className="btn btn-small" disabled={blocker !== null} title={blocker ?? undefined} onClick={() => onSetActive(false)}>
              Ngừng tài khoản
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => onSetActive(true)}>
              Cho hoạt động lại
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

const fieldOfPath: Record<string, keyof OfficerFormInput> = { fullName: 'fullName', username: 'username', role: 'role', password: 'password' };

function AddOfficerForm({ onAdded }: { onAdded: (officer: OfficerProfile) => void }) {
  const desk = useDesk();
  const auth = useMemo(() => createDeskAuth(desk.store, { now: desk.now }), [desk.store, desk.now]);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<OfficerFormInput, unknown, OfficerFormValues>({ resolver: zodResolver(officerFormSchema), defaultValues: EMPTY_OFFICER_FORM });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async ({ fullName, username, role, password }) => {
    setFailure(null);
    try {
      const officer = await auth.addOfficer({ fullName, username, role, password });
      await desk.reloadOfficers();
      form.reset(EMPTY_OFFICER_FORM);
      onAdded(officer);
    } catch (error) {
      const field = error instanceof DomainError ? fieldOfPath[(error.path ?? []).join('.')] : undefined;
      if (field && error instanceof DomainError) form.setError(field, { message: error.message });
      else setFailure(error instanceof Error ? error.message : 'Không thêm được cán bộ.');
    }
  });

  return (
    <form className="officer-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-officer-title">
      <h3 id="add-officer-title">Thêm cán bộ</h3>
      <div className="officer-fields">
        <FormField id="officer-name" label="Họ và tên" error={errors.fullName?.message}>
          <input id="officer-name" autoComplete="off" {...form.register('fullName')} />
        </FormField>
        <FormField id="officer-username" label="Tên đăng nhập" error={errors.username?.message}>
          <input id="officer-username" autoComplete="off" spellCheck={false} {...form.register('username')} />
        </FormField>
        <FormField id="officer-role" label="Vai trò" error={errors.role?.message}>
          <select id="officer-role" {...form.register('role')}>
            {officerRoleSchema.options.map((role) => (
              <option key={role} value={role}>
                {officerRoleLabels[role]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="officer-password" label="Mật khẩu" error={errors.password?.message}>
          <input id="officer-password" type="password" autoComplete="new-password" {...form.register('password')} />
        </FormField>
        <FormField id="officer-password-again" label="Nhập lại mật khẩu" error={errors.passwordAgain?.message}>
          <input id="officer-password-again" type="password" autoComplete="new-password" {...form.register('passwordAgain')} />
        </FormField>
      </div>
      {failure && <Notice tone="error">{failure}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Đang thêm…' : 'Thêm cán bộ'} <kbd className="kbd">Enter</kbd>
        </button>
      </div>
    </form>
  );
}
