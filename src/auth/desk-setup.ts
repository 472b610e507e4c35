import type { DeskIdentity } from './desk-identity.ts';
import type { ReferenceSourceKind, Sourced } from './reference-source.ts';

export interface DeskSetupFacts {
  /** Where the stored desk identity came from; null when there is none. */
  identitySource: ReferenceSourceKind | null;
  /** An active officer with the admin role is stored on the desk. */
  hasAdministrator: boolean;
}

/**
 * Whether the desk still needs its first-run set-up. An enrolled desk (identity issued by the
 * province) is set up by its enrolment, whatever roles its unit's officers have: many units have
 * no administrator of their own. A stand-alone desk is set up once it has its identity and an
 * active local administrator (the one who can add officers).
 */
export function deskNeedsSetup({ identitySource, hasAdministrator }: DeskSetupFacts): boolean {
  if (identitySource === null) return true;
  if (identitySource === 'provincial') return false;
  return !hasAdministrator;
}

/** The unit and province as one line, e.g. "Phường Ba Đình, Thành phố Hà Nội" (an enrolled desk may not know its province). */
export function deskPlace(identity: Pick<DeskIdentity, 'unitName' | 'provinceName'>): string {
  return [identity.unitName, identity.provinceName].filter((part) => part !== undefined && part !== '').join(', ');
}

/** What a new enrolment would change in a province-issued identity: shown to confirm before it is replaced. */
export interface IdentityChange {
  before: { unitName: string; agencyId: string; slot: number };
  after: { unitName: string; agencyId: string; slot: number };
}

/** The change to confirm, or null when the new enrolment keeps the same unit and counter. */
export function identityChange(previous: Sourced<DeskIdentity> | null, next: DeskIdentity): IdentityChange | null {
  if (previous === null) return null;
  const before = previous.value;
  if (before.agencyId === next.agencyId && before.slot === next.slot) return null;
  return {
    before: { unitName: before.unitName, agencyId: before.agencyId, slot: before.slot },
    after: { unitName: next.unitName, agencyId: next.agencyId, slot: next.slot },
  };
}
