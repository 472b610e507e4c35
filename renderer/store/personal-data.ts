import type { DossierEvent } from '../../src/dossier/events.ts';

/**
 * Personal data in events lives at these paths (src/dossier/events.ts). The store moves them
 * into an encrypted field and puts them back on read; everything else stays queryable.
 * A unit test walks every event type to catch a personal field added to the schema later.
 */
export const PERSONAL_EVENT_PATHS = [
  ['payload', 'applicant', 'citizenId'],
  ['payload', 'applicant', 'birthDate'],
  ['payload', 'applicant', 'phone'],
  ['payload', 'applicant', 'email'],
  ['payload', 'applicant', 'address'],
  ['payload', 'collectedBy', 'citizenId'],
  ['payload', 'applicant', 'organisation', 'legalRepresentative', 'citizenId'],
  ['payload', 'representative', 'citizenId'],
  ['payload', 'representative', 'phone'],
  ['payload', 'payer', 'address'],
  // A scanned file's name often holds the citizen's name or ID number ("CCCD_Nguyen_Van_An.jpg").
  ['payload', 'fileName'],
] as const;

/**
 * Personal data kept as a whole object: a linked group's shared data (child, parents, deceased,
 * addresses), stored encrypted as its JSON text under the dotted path.
 */
export const PERSONAL_EVENT_OBJECT_PATHS = [
  ['payload', 'group', 'data'],
  ['payload', 'results'],
  ['payload', 'groupData'],
] as const;
const OBJECT_PATHS = new Set<string>(PERSONAL_EVENT_OBJECT_PATHS.map((path) => path.join('.')));

/** Field names that must never reach storage in clear. */
export const PERSONAL_FIELD_NAMES = new Set(['citizenId', 'birthDate', 'phone', 'email', 'address', 'fileName']);

/** Personal values by dotted path, e.g. `{"payload.applicant.citizenId": "001…"}`. */
export type PersonalValues = Record<string, string>;

export interface SplitEvent {
  clear: Record<string, unknown>;
  personal: PersonalValues;
}

export function splitPersonal(event: DossierEvent): SplitEvent {
  const clear = structuredClone(event) as unknown as Record<string, unknown>;
  const personal: PersonalValues = {};
  for (const path of PERSONAL_EVENT_PATHS) {
    const parent = walk(clear, path.slice(0, -1));
    const key = path[path.length - 1] as string;
    if (parent && typeof parent[key] === 'string') {
      personal[path.join('.')] = parent[key];
      delete parent[key];
    }
  }
  for (const path of PERSONAL_EVENT_OBJECT_PATHS) {
    const parent = walk(clear, path.slice(0, -1));
    const key = path[path.length - 1] as string;
    if (parent && parent[key] !== null && typeof parent[key] === 'object') {
      personal[path.join('.')] = JSON.stringify(parent[key]);
      delete parent[key];
    }
  }
  return { clear, personal };
}

export function joinPersonal(clear: Record<string, unknown>, personal: PersonalValues): unknown {
  const event = structuredClone(clear);
  for (const [dotted, value] of Object.entries(personal)) {
    const path = dotted.split('.');
    const parent = walk(event, path.slice(0, -1));
    if (parent) parent[path[path.length - 1] as string] = OBJECT_PATHS.has(dotted) ? (JSON.parse(value) as unknown) : value;
  }
  return event;
}

function walk(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | null {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : null;
}
