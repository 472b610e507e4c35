import type { DeskIdentity } from './desk-identity.ts';
import type { Officer } from './officer.ts';

/**
 * Where the desk's identity and officers come from. Today: `'local'`, typed in at first-run
 * setup and by the desk administrator. Later: `'provincial'`, pulled from the provincial server
 * at enrollment and sync. Records keep their source so a provincial pull can tell what it owns,
 * and the login logic never needs to know.
 */
export type ReferenceSourceKind = 'local' | 'provincial';

export interface Sourced<T> {
  value: T;
  source: ReferenceSourceKind;
}

/** Read side used by login and the app shell. */
export interface ReferenceReader {
  deskIdentity(): Promise<Sourced<DeskIdentity> | null>;
  officerByUsername(username: string): Promise<Sourced<Officer> | null>;
}

/** Write side: local setup/administration now, the provincial sync later. */
export interface ReferenceWriter {
  saveDeskIdentity(identity: DeskIdentity, source: ReferenceSourceKind): Promise<void>;
  saveOfficer(officer: Officer, source: ReferenceSourceKind): Promise<void>;
}
