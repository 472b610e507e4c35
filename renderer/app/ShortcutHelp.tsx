import { useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { ALL_SHORTCUTS, isHelpKey, shortcutScopeLabels } from './shortcuts.ts';
import type { ShortcutScope } from './shortcuts.ts';
import './shortcut-help.css';

const SCOPES = Object.keys(shortcutScopeLabels) as ShortcutScope[];

/**
 * The list of every shortcut (renderer/app/shortcuts.ts), opened with F1 anywhere or "?" outside
 * a text field, and from the sidebar's button.
 */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isHelpKey(event)) return;
      // "?" in another dialog's field is text; F1 over another dialog waits for it to close.
      if (document.querySelector('dialog[open]') && event.key !== 'F1') return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" className="help-button" onClick={() => setOpen(true)} data-testid="shortcut-help-button">
        Phím tắt <kbd>F1</kbd>
      </button>
      {open && (
        <Dialog title="Phím tắt" onClose={() => setOpen(false)} wide>
          <div className="shortcut-help" data-testid="shortcut-help">
            {SCOPES.map((scope) => {
              const rows = ALL_SHORTCUTS.filter((s) => s.scope === scope);
              return (
                <section key={scope} aria-labelledby={`shortcut-${scope}`}>
                  <h3 id={`shortcut-${scope}`}>{shortcutScopeLabels[scope]}</h3>
                  <table>
                    <tbody>
                      {rows.map((s) => (
                        <tr key={`${s.keys}-${s.label}`}>
                          <td className="shortcut-keys">
                            <kbd>{s.keys}</kbd>
                          </td>
                          <td>{s.label}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              );
            })}
            <p className="muted shortcut-note">
              Mỗi phím luôn làm một việc. Thao tác chưa làm được với hồ sơ đang mở hiện màu xám; bấm phím của nó, máy cho biết lý do.
            </p>
          </div>
        </Dialog>
      )}
    </>
  );
}
