import { useState } from 'react';
import type { FormEvent } from 'react';
import { enrollDesk } from '../../../sync/client/enrollment.ts';
import { loadSettings } from '../../app/bootstrap.ts';
import { DESK_SETTINGS_KEY } from '../../app/desk-settings.ts';
import { clock } from '../../app/platform.ts';
import type { DeskStore } from '../../store/index.ts';

/**
 * The usual first run: the server's address and the one-time code from the province, nothing
 * else. The server issues the unit, the counter and the officers; the officer then logs in with
 * the account the province gave them.
 */
export function FirstRunEnrollForm({ store, onDone }: { store: DeskStore; onDone: () => void }) {
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    let serverOfDesk: string;
    try {
      serverOfDesk = (await enrollDesk(store, { serverUrl, code }, { clock })).enrollment.serverUrl;
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setBusy(false);
      return;
    }
    // The receipt's lookup QR points at the server the desk enrolled with. The desk is enrolled
    // already (the code is spent): a failure here must not keep the officer on this screen.
    await loadSettings(store)
      .then((settings) => store.settings.set(DESK_SETTINGS_KEY, { ...settings, serverUrl: serverOfDesk }))
      .catch(() => undefined);
    onDone();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Kích hoạt quầy bằng mã của tỉnh" className="first-run-enroll">
      <label>
        Địa chỉ máy chủ
        <input value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://motcua.tinh.gov.vn" spellCheck={false} autoFocus />
      </label>
      <label>
        Mã kích hoạt
        <input
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          placeholder="K7QM-3XHT-9PRA-W2ND"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <p className="hint">Mã dùng một lần, hiệu lực 24 giờ, do quản trị viên tỉnh cấp cho đúng quầy này.</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <footer className="setup-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Đang kích hoạt…' : 'Kích hoạt quầy'} <kbd>Enter</kbd>
        </button>
      </footer>
    </form>
  );
}
