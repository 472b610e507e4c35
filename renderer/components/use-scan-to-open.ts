import { useCallback } from 'react';
import { useLocation } from 'wouter';
import { parseDossierCode } from '../../src/dossier/dossier-code.ts';
import { useClaimedScan } from './scan-claim.ts';

/** On the tracking screens a scanned dossier code opens that dossier. */
export function useScanToOpen(): void {
  const [, navigate] = useLocation();
  const onScan = useCallback(
    (text: string) => {
      const parsed = parseDossierCode(text);
      if (!parsed.ok) return false;
      navigate(`/ho-so/${encodeURIComponent(parsed.value.code)}`);
      return true;
    },
    [navigate],
  );
  useClaimedScan(onScan);
}
