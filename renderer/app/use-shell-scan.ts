import { useCallback, useState } from 'react';
import { useLocation } from 'wouter';
import { shellScanAction } from './shell-scan.ts';

interface ScanNotice {
  message: string;
  /** The location it was shown on: moving elsewhere hides it. */
  at: string;
}

/** The shell's default scan handler and the notice it leaves for unrecognised scans. */
export function useShellScan() {
  const [location, navigate] = useLocation();
  const [notice, setNotice] = useState<ScanNotice | null>(null);

  const onUnhandled = useCallback(
    (text: string, accepted: readonly string[]) => {
      const action = shellScanAction(text, accepted);
      if (action.kind === 'open') {
        setNotice(null);
        navigate(action.path);
      } else {
        setNotice({ message: action.message, at: location });
      }
    },
    [location, navigate],
  );

  return {
    onUnhandled,
    notice: notice?.at === location ? notice.message : null,
    dismiss: useCallback(() => setNotice(null), []),
  };
}
