import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import { deskPlace } from '../../../src/auth/desk-setup.ts';
import { login } from '../../../src/auth/login.ts';
import { attemptsLeft } from '../../../src/auth/login-throttle.ts';
import type { LoggedIn } from '../../../src/auth/login.ts';
import { usernameSchema } from '../../../src/auth/officer.ts';
import { clock, newDeskSessionId, passwords } from '../../app/platform.ts';
import { ClockWarningNotice, useClockWarning } from '../../components/ClockWarningNotice.tsx';
import type { DeskStore } from '../../store/index.ts';
import '../setup/setup.css';
import './login.css';

interface LoginValues {
  username: string;
  password: string;
}

type Problem = { kind: 'wrong'; message: string; left: number } | { kind: 'locked'; lockedUntil: number } | { kind: 'other'; message: string };

/**
 * Offline login against the cached argon2id verifier. The same message answers an unknown
 * username and a wrong password; five wrong attempts lock the username for a while. A login opens
 * the session whose key signs the officer's events on this desk.
 */
export function LoginScreen({ store, identity, onLogin }: { store: DeskStore; identity: DeskIdentity; onLogin: (loggedIn: LoggedIn) => Promise<void> }) {
  const { register, handleSubmit, setValue, setFocus, formState } = useForm<LoginValues>({ defaultValues: { username: '', password: '' } });
  const [problem, setProblem] = useState<Problem | null>(null);
  const clockWarning = useClockWarning(store);

  const submit = handleSubmit(async ({ username, password }) => {
    setProblem(null);
    const result = await login(username, password, {
      reference: store.reference,
      throttle: store.settings.loginThrottle,
      passwords,
      now: clock,
      session: { deskId: identity.deskId, newSessionId: newDeskSessionId },
    });
    if (result.ok) {
      await onLogin(result.value);
      return;
    }
    setValue('password', '');
    setFocus('password');
    const error = result.error;
    const lockedUntil = error.details?.lockedUntil;
    if (error.code === 'auth.locked' && typeof lockedUntil === 'number') {
      setProblem({ kind: 'locked', lockedUntil });
    } else if (error.code === 'auth.wrong_credentials') {
      const name = usernameSchema.safeParse(username);
      const left = name.success ? attemptsLeft(await store.settings.loginThrottle.load(name.data)) : 0;
      setProblem({ kind: 'wrong', message: error.message, left });
    } else {
      setProblem({ kind: 'other', message: error.message });
    }
  });

  return (
    <main className="auth-page">
      <form className="login-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="login-title">
        <header className="auth-header">
          <span className="brand-mark" aria-hidden="true">1</span>
          <div>
            <h1 id="login-title">Đăng nhập</h1>
            <p>
              {deskPlace(identity)}
              <br />
              Quầy số {identity.slot}
            </p>
          </div>
        </header>
        {clockWarning && <ClockWarningNotice warning={clockWarning} />}
        <label>
          Tên đăng nhập
          <input autoFocus autoComplete="username" spellCheck={false} {...register('username', { required: true })} />
        </label>
        <label>
          Mật khẩu
          <input type="password" autoComplete="current-password" {...register('password', { required: true })} />
        </label>
        {problem && <ProblemMessage problem={problem} />}
        <button type="submit" className="primary login-submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Đang kiểm tra…' : 'Đăng nhập'} <kbd>Enter</kbd>
        </button>
        <p className="hint">Đăng nhập được cả khi mất mạng. Quên mật khẩu: nhờ quản trị viên của đơn vị đặt lại.</p>
      </form>
    </main>
  );
}

function ProblemMessage({ problem }: { problem: Problem }) {
  switch (problem.kind) {
    case 'locked':
      return <LockedMessage lockedUntil={problem.lockedUntil} />;
    case 'wrong':
      return (
        <p className="form-error" role="alert" data-testid="login-error">
          {problem.message}
          {problem.left > 0 && problem.left < 5 && <> Còn {problem.left} lần thử trước khi tài khoản bị tạm khoá.</>}
        </p>
      );
    case 'other':
      return (
        <p className="form-error" role="alert" data-testid="login-error">
          {problem.message}
        </p>
      );
  }
}

function LockedMessage({ lockedUntil }: { lockedUntil: number }) {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(clock()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((lockedUntil - now) / 1000));
  const remaining = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <p className="form-error" role="alert" data-testid="login-error">
      {seconds > 0 ? (
        <>
          Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Thử lại sau <strong data-testid="lock-remaining">{remaining}</strong>.
        </>
      ) : (
        <>Đã hết thời gian khoá: có thể đăng nhập lại.</>
      )}
    </p>
  );
}
