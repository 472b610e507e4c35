// `npx tsx tests/bench/sync/pouch-peer/run.ts [--docs 5000] [--batch-size 100] [--bandwidth 1000000]
//   [--rtt 300] [--cuts 0.2,0.5,0.8] [--timeout-ms 900000]`
// The PouchDB peer alone, on generated dossier-like documents (five events per dossier, about 600
// bytes of JSON each). Prints the result as JSON; exits 1 when a document is lost or duplicated or
// the replication did not complete.
import { parseArgs } from 'node:util';
import { runPouchPeer } from './index.ts';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '5000' },
    'batch-size': { type: 'string', default: '100' },
    bandwidth: { type: 'string', default: '1000000' },
    rtt: { type: 'string', default: '300' },
    cuts: { type: 'string', default: '0.2,0.5,0.8' },
    'timeout-ms': { type: 'string', default: String(15 * 60_000) },
  },
});

const count = Number(args.docs);
const batchSize = Number(args['batch-size']);
const bandwidth = Number(args.bandwidth);
const rtt = Number(args.rtt);
const timeoutMs = Number(args['timeout-ms']);
const cuts = (args.cuts ?? '').split(',').filter(Boolean).map(Number);
for (const [name, value] of [['docs', count], ['batch-size', batchSize], ['bandwidth', bandwidth], ['timeout-ms', timeoutMs]] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer (got ${value})`);
}
if (!(rtt >= 0)) throw new Error(`--rtt must be a number of ms (got ${args.rtt})`);

/** Deterministic (mulberry32), so two runs send the same bytes. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Ngọc', 'Minh', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Linh', 'Nam', 'Phương', 'Quân', 'Trang'];
const PROCEDURES = [
  ['1.001193', 'Đăng ký khai sinh'],
  ['1.000894', 'Đăng ký kết hôn'],
  ['2.000635', 'Cấp bản sao trích lục hộ tịch'],
  ['2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản'],
  ['1.004227', 'Đăng ký khai tử'],
] as const;
const STEPS = ['dossier.received', 'dossier.handed_over', 'dossier.accepted', 'dossier.resolved', 'dossier.returned'] as const;

function dossierDocs(total: number): Record<string, unknown>[] {
  const random = seeded(20_260_101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
  const uuid = (ms: number) => {
    const time = ms.toString(16).padStart(12, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
  };
  const unitId = uuid(Date.UTC(2025, 0, 1));
  const deskId = uuid(Date.UTC(2025, 0, 2));
  const officers = [uuid(Date.UTC(2025, 0, 3)), uuid(Date.UTC(2025, 0, 4))];
  const docs: Record<string, unknown>[] = [];
  let at = Date.UTC(2026, 0, 5, 1, 0);
  for (let dossier = 0; docs.length < total; dossier += 1) {
    const dossierId = uuid(at);
    const [procedureCode, procedureName] = pick(PROCEDURES);
    const applicant = {
      fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
      citizenId: `0${digits(11)}`,
      phone: `09${digits(8)}`,
      address: `Số ${1 + Math.floor(random() * 200)}, thôn ${1 + Math.floor(random() * 9)}, xã Tân Phú`,
    };
    const code = `000.00.12.H29-${new Date(at).toISOString().slice(2, 10).replaceAll('-', '')}-${String((dossier % 999) + 1).padStart(4, '0')}`;
    for (const [step, type] of STEPS.entries()) {
      if (docs.length >= total) break;
      at += 60_000 + Math.floor(random() * 600_000);
      docs.push({
        id: uuid(at),
        dossierId,
        type,
        seq: step + 1,
        unitId,
        deskId,
        officerId: officers[step === 0 || step === 4 ? 0 : 1],
        occurredAt: new Date(at).toISOString(),
        schema: 1,
        contentHash: hex(64),
        payload:
          step === 0
            ? { code, procedureCode, procedureName, applicant, papers: ['Tờ khai', 'Giấy tờ tùy thân'], dueDate: new Date(at + 3 * 86_400_000).toISOString().slice(0, 10) }
            : { code, note: `Bước ${step + 1} của hồ sơ ${code}, xử lý bởi cán bộ một cửa.` },
      });
    }
  }
  return docs;
}

const docs = dossierDocs(count);
const averageBytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(JSON.stringify(doc)), 0) / docs.length;
const log = (text: string) => console.error(`[pouch-peer] ${text}`);
log(`${docs.length} docs, ${Math.round(averageBytes)} bytes of JSON each on average; ${bandwidth} bit/s each way, ${rtt} ms round trip, cuts at ${cuts.join(', ') || 'none'}`);
const result = await runPouchPeer({ docs, bandwidthBitsPerSecond: bandwidth, roundTripMs: rtt, disconnectsAt: cuts, timeoutMs, batchSize, log });
console.log(JSON.stringify(result, null, 2));
const bad = result.lost > 0 || result.duplicated > 0 || !result.completed;
log(
  `${bad ? 'INCORRECT' : 'ok'}: ${(result.ms / 1000).toFixed(1)} s, ${result.bytesUp} B up, ${result.bytesDown} B down, ` +
    `${result.docsOnServer} on the server, ${result.lost} lost, ${result.duplicated} duplicated, ${result.disconnects} disconnects`,
);
process.exitCode = bad ? 1 : 0;
