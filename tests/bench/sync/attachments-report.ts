import { machineLine } from '../support/results.ts';
import type { BenchResult } from '../support/results.ts';
import type { AttachmentsResult } from './attachments-scenario.ts';

/** Issue 22 point 8's targets. */
export const ATTACHMENT_TARGETS = { ratioToRaw: 1.2, memoryAboveIdleMiB: 150, captureP95Ms: 1500 } as const;

/** Every file on the server, whole: what must hold whatever the timings. */
export function attachmentsCorrect(result: AttachmentsResult): boolean {
  return result.server.lost === 0 && result.server.mismatched === 0 && result.desk.pendingAfter === 0;
}

export function attachmentsMarkdown(bench: BenchResult, result: AttachmentsResult): string {
  const t = ATTACHMENT_TARGETS;
  const verdict = (ok: boolean) => (ok ? 'pass' : '**miss**');
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const link = bench.params.link as { delayMs: number; bytesPerSecond: number };
  return [
    `# Scanned papers upload bench${bench.smoke ? ' (smoke)' : ''}`,
    '',
    `${bench.startedAt}; ${machineLine(bench.machine)}.`,
    '',
    `${result.dossiers} dossiers × ${result.pages / result.files} pages (grey A4 scans, JPEG ${kib(result.pageBytes.min)}–${kib(result.pageBytes.max)}, mean ${kib(result.pageBytes.mean)}), ` +
      `one PDF per paper (mean ${mib(result.fileBytes.mean)}, ${mib(result.fileBytes.total)} in all), over ${(link.bytesPerSecond * 8) / 1e6} Mbit/s with ${link.delayMs * 2} ms round trip, ` +
      `cut ${result.cuts.length} times (at ${result.cuts.map((c) => `${Math.round(c.fraction * 100)} %`).join(', ')} of the bytes).`,
    '',
    '| figure | value | target | result |',
    '| --- | ---: | ---: | --- |',
    `| files on the server, SHA-256 checked | ${result.server.verified} of ${result.files} (${result.server.lost} lost, ${result.server.mismatched} damaged, ${result.server.rows} rows) | all | ${verdict(attachmentsCorrect(result))} |`,
    `| upload, sync start → every file acknowledged | ${s(result.ms)} | | |`,
    `| raw transfer of the same bytes, same link, no cuts | ${s(result.raw.ms)} | | |`,
    `| ratio | ${result.ratio.toFixed(2)} | ≤ ${t.ratioToRaw} | ${verdict(result.ratio <= t.ratioToRaw)} |`,
    `| desk memory above idle during the upload (RSS) | ${result.desk.rssAboveIdleMiB.toFixed(1)} MiB (idle ${result.desk.idleRssMiB.toFixed(0)} MiB) | ≤ ${t.memoryAboveIdleMiB} MiB | ${verdict(result.desk.rssAboveIdleMiB <= t.memoryAboveIdleMiB)} |`,
    `| desk JS heap above idle | ${result.desk.heapAboveIdleMiB.toFixed(1)} MiB | | |`,
    `| capture → saved, ${result.pages / result.files}-page PDF (p50 / p95 / max) | ${result.capture.p50.toFixed(0)} / ${result.capture.p95.toFixed(0)} / ${result.capture.max.toFixed(0)} ms | p95 ≤ ${t.captureP95Ms} ms | ${verdict(result.capture.p95 <= t.captureP95Ms)} |`,
    `| bytes on the wire, up / down | ${mib(result.wire.up)} / ${mib(result.wire.down)} | | |`,
    '',
  ].join('\n');
}
