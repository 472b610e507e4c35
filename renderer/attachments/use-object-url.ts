import { useEffect, useMemo } from 'react';

/** A blob: URL for bytes shown in an <img>, revoked when they change or the view closes. */
export function useObjectUrl(bytes: Uint8Array | null, type: string): string | null {
  const url = useMemo(() => (bytes ? URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })) : null), [bytes, type]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}
