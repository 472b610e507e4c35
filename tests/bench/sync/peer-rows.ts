import { row } from '../support/results.ts';
import type { BenchRow } from '../support/results.ts';
import { summarize } from '../support/stats.ts';
import type { DeskActors } from './dataset.ts';
import type { DayEndResult } from './day-end-scenario.ts';
import type { PouchPeerResult } from './pouch-peer/index.ts';

/** The peer replicates the same kind of events (same generator, same count) as documents. */
export const PEER_ACTORS: DeskActors = {
  unitId: '000.00.31.H23',
  deskId: 'peer-desk',
  slot: 1,
  receptionOfficerId: 'peer-reception',
  processingOfficerId: 'peer-processing',
  // Signed like ours (the same bytes per event); nobody checks the peer's signatures.
  officerVerifier: '$argon2id$v=19$m=65536,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
};

/** Issue 8: our day-end sync must take at most half the PouchDB peer's time on the same data and link. */
export const PEER_SPEEDUP_TARGET = 2;

export function peerRows(dayEnd: DayEndResult | null, peer: PouchPeerResult | null): BenchRow[] {
  if (!dayEnd || !peer) return [];
  const correct = peer.lost === 0 && peer.duplicated === 0 && peer.completed;
  const versus = row({
    id: 'day-end-vs-pouchdb',
    label: `day-end sync vs the PouchDB peer (${peer.docs.toLocaleString('en')} events as documents, same link and cuts; target: ours ≤ peer ÷ ${PEER_SPEEDUP_TARGET})`,
    value: summarize([dayEnd.ms]),
    reference: { label: `PouchDB ${peer.pouchdbVersion} → pouchdb-server`, ...summarize([peer.ms]) },
    targetP95: Math.floor(peer.ms / PEER_SPEEDUP_TARGET),
    note:
      `peer: ${peer.disconnects} cuts, ${peer.lost} lost, ${peer.duplicated} duplicated, ${peer.docsOnServer} on the server, ` +
      `${Math.round((peer.bytesUp + peer.bytesDown) / Math.max(1, peer.docs))} bytes on the wire per event (ours ${Math.round(dayEnd.wireBytesPerEvent)})`,
  });
  return [{ ...versus, pass: versus.pass === true && correct }];
}
