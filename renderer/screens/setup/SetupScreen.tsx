import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { prepareFirstRun } from '../../../src/auth/first-run.ts';
import { usernameSchema } from '../../../src/auth/officer.ts';
import { MIN_PASSWORD_LENGTH } from '../../../src/auth/password-verifier.ts';
import { parseAgencyId } from '../../../src/dossier/dossier-code.ts';
import { DomainError } from '../../../src/errors.ts';
import { normalizePersonName } from '../../../src/people/person-name.ts';
import { newLocalId, passwords } from '../../app/platform.ts';
import type { DeskStore } from '../../store/index.ts';
import { provinceByCode, provinces } from './admin-units.ts';
import { FirstRunEnrollForm } from './FirstRunEnrollForm.tsx';
import './setup.css';

interface SetupValues {
  provinceCode: string;
  unitName: string;
  agencyId: string;
  slot: string;
  fullName: string;
  username: string;
  password: string;
  passwordAgain: string;
}

const fieldOfPath: Record<string, keyof SetupValues> = {
  'identity.provinceCode': 'provinceCode',
  'identity.provinceName': 'provinceCode',
  'identity.unitName': 'unitName',
  'identity.agencyId': 'agencyId',
  'identity.slot': 'slot',
  'admin.fullName': 'fullName',
  'admin.username': 'username',
  'admin.password': 'password',
  password: 'password',
};

type FirstRunPath = 'enroll' | 'standalone';

/**
 * First run. Most desks are installed with an activation code from the province (server address
 * + code: the province then issues the unit, the counter and the officers); a desk without a
 * provincial server yet is set up stand-alone (unit, agency id, counter and a local administrator).
 */
export function SetupScreen({ store, onDone }: { store: DeskStore; onDone: () => void }) {
  const [path, setPath] = useState<FirstRunPath>('enroll');
  return (
    <main className="auth-page">
      <div className="setup-card">
        <header className="auth-header">
          <span className="brand-mark" aria-hidden="true">1</span>
          <div>
            <h1 id="setup-title">Thiết lập quầy tiếp nhận</h1>
            <p>Lần chạy đầu tiên trên máy này. Chọn cách thiết lập:</p>
          </div>
        </header>
        <div className="first-run-choice" role="radiogroup" aria-label="Cách thiết lập quầy">
          <label className={path === 'enroll' ? 'choice selected' : 'choice'}>
            <input type="radio" name="first-run-path" checked={path === 'enroll'} onChange={() => setPath('enroll')} />
            <span>
              <strong>Tôi có mã kích hoạt của tỉnh</strong>
              <small>Nhập địa chỉ máy chủ và mã do quản trị viên tỉnh cấp: tỉnh cấp sẵn đơn vị, quầy và tài khoản cán bộ.</small>
            </span>
          </label>
          <label className={path === 'standalone' ? 'choice selected' : 'choice'}>
            <input type="radio" name="first-run-path" checked={path === 'standalone'} onChange={() => setPath('standalone')} />
            <span>
              <strong>Dùng riêng, chưa kết nối tỉnh</strong>
              <small>Tự khai báo đơn vị, quầy và tài khoản quản trị trên máy này; kích hoạt với máy chủ tỉnh sau.</small>
            </span>
          </label>
        </div>
        {path === 'enroll' ? <FirstRunEnrollForm store={store} onDone={onDone} /> : <StandaloneSetupForm store={store} onDone={onDone} />}
      </div>
    </main>
  );
}

/**
 * A desk that is not enrolled with a provincial server: who this desk is (unit, agency id, desk
 * slot) and its first administrator. Everything is checked with the domain's rules before
 * anything is stored.
 */
function StandaloneSetupForm({ store, onDone }: { store: DeskStore; onDone: () => void }) {
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetupValues>({
    defaultValues: { provinceCode: '', unitName: '', agencyId: '', slot: '1', fullName: '', username: '', password: '', passwordAgain: '' },
  });
  const [failure, setFailure] = useState<string | null>(null);
  const province = provinceByCode(useWatch({ control, name: 'provinceCode' }));

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const { identity, admin } = await prepareFirstRun(
        {
          identity: {
            provinceCode: values.provinceCode,
            provinceName: province?.name ?? '',
            unitName: values.unitName,
            agencyId: values.agencyId,
            slot: Number(values.slot),
          },
          admin: { fullName: values.fullName, username: values.username, password: values.password },
        },
        { passwords, newOfficerId: newLocalId },
      );
      // Identity first: if the admin write fails, a retry overwrites it and creates the admin.
      await store.identity.save(identity, 'local');
      await store.officers.save(admin, 'local');
      onDone();
    } catch (error) {
      if (error instanceof DomainError) {
        const field = fieldOfPath[(error.path ?? []).join('.')];
        if (field) {
          setError(field, { message: error.message });
          return;
        }
      }
      setFailure(error instanceof Error ? error.message : 'Không lưu được thông tin quầy. Hãy thử lại.');
    }
  });

  return (
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Thiết lập quầy dùng riêng">
        <div className="setup-columns">
          <fieldset>
            <legend>Đơn vị và quầy</legend>
            <label>
              Tỉnh, thành phố
              <select {...register('provinceCode', { required: 'Chọn tỉnh, thành phố' })}>
                <option value="">— Chọn tỉnh, thành phố —</option>
                {provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
              <FieldError message={errors.provinceCode?.message} />
            </label>
            <label>
              Xã, phường, đặc khu (đơn vị tiếp nhận)
              <input
                list="communes"
                placeholder={province ? `Chọn trong ${province.communes.length} đơn vị hoặc gõ tên` : 'Chọn tỉnh trước'}
                {...register('unitName', {
                  validate: (value) => value.normalize('NFC').trim().length > 0 || 'Nhập tên đơn vị tiếp nhận',
                })}
              />
              <datalist id="communes">
                {province?.communes.map((c) => (
                  <option key={c.code} value={c.name} />
                ))}
              </datalist>
              <FieldError message={errors.unitName?.message} />
            </label>
            <div className="setup-row">
              <label className="grow">
                Mã định danh cơ quan (QCVN 102)
                <input
                  placeholder="000.00.12.H23"
                  autoCapitalize="characters"
                  spellCheck={false}
                  {...register('agencyId', {
                    validate: (value) => {
                      const parsed = parseAgencyId(value);
                      return parsed.ok || parsed.error.message;
                    },
                  })}
                />
                <FieldError message={errors.agencyId?.message} />
              </label>
              <label>
                Số quầy
                <select {...register('slot')}>
                  {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((slot) => (
                    <option key={slot} value={slot}>
                      Quầy {slot}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="hint">Mỗi quầy của cùng cơ quan phải có số quầy khác nhau: mã hồ sơ được chia theo số quầy nên không bao giờ trùng, kể cả khi mất mạng.</p>
          </fieldset>
          <fieldset>
            <legend>Quản trị viên đầu tiên</legend>
            <label>
              Họ và tên
              <input
                autoComplete="name"
                {...register('fullName', {
                  validate: (value) => {
                    const parsed = normalizePersonName(value);
                    return parsed.ok || parsed.error.message;
                  },
                })}
              />
              <FieldError message={errors.fullName?.message} />
            </label>
            <label>
              Tên đăng nhập
              <input
                autoComplete="username"
                spellCheck={false}
                {...register('username', {
                  validate: (value) => {
                    const parsed = usernameSchema.safeParse(value);
                    return parsed.success || (parsed.error.issues[0]?.message ?? 'Tên đăng nhập không hợp lệ');
                  },
                })}
              />
              <FieldError message={errors.username?.message} />
            </label>
            <label>
              Mật khẩu
              <input
                type="password"
                autoComplete="new-password"
                {...register('password', {
                  validate: (value) => [...value].length >= MIN_PASSWORD_LENGTH || `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
                })}
              />
              <FieldError message={errors.password?.message} />
            </label>
            <label>
              Nhập lại mật khẩu
              <input
                type="password"
                autoComplete="new-password"
                {...register('passwordAgain', {
                  validate: (value, all) => value === all.password || 'Hai lần nhập mật khẩu không khớp',
                })}
              />
              <FieldError message={errors.passwordAgain?.message} />
            </label>
          </fieldset>
        </div>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <footer className="setup-actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Đang lưu…' : 'Hoàn tất thiết lập'} <kbd>Enter</kbd>
          </button>
        </footer>
      </form>
  );
}

export function FieldError({ message }: { message: string | undefined }) {
  return message ? (
    <span className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}
