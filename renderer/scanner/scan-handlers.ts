/** A screen's answer to a scan: true when it used the text, false to leave it to the next handler. */
export type ScanHandler = (text: string) => boolean;

export interface ScanHandlerEntry {
  handle: ScanHandler;
  /** What this handler reads, for the "not recognised" message, e.g. "mã QR trên thẻ căn cước". */
  accepts?: string;
}

export interface ScanHandlerStack {
  /** Puts a handler on top; returns its removal. */
  push(entry: ScanHandlerEntry): () => void;
  /** Offers the text to the handlers, top-most first; `fallback` gets it when none used it. */
  dispatch(text: string, fallback: (text: string, accepted: readonly string[]) => void): void;
}

export function createScanHandlerStack(): ScanHandlerStack {
  const entries: ScanHandlerEntry[] = [];
  return {
    push(entry) {
      entries.push(entry);
      return () => {
        const index = entries.lastIndexOf(entry);
        if (index >= 0) entries.splice(index, 1);
      };
    },
    dispatch(text, fallback) {
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        if (entries[index]?.handle(text)) return;
      }
      const accepted = [...new Set(entries.flatMap((entry) => (entry.accepts ? [entry.accepts] : [])))].reverse();
      fallback(text, accepted);
    },
  };
}
