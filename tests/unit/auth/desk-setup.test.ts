import { describe, expect, it } from 'vitest';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import { deskNeedsSetup, deskPlace, identityChange } from '../../../src/auth/desk-setup.ts';

const enrolled: DeskIdentity = { unitName: 'UBND phường Ba Đình', agencyId: '000.00.12.H23', slot: 1, deskId: '000.00.12.H23#1' };

describe('when a desk needs its first-run set-up (issue 19 point 1)', () => {
  it('is set up by its enrolment whatever roles its officers have', () => {
    expect(deskNeedsSetup({ identitySource: 'provincial', hasAdministrator: false })).toBe(false);
    expect(deskNeedsSetup({ identitySource: 'provincial', hasAdministrator: true })).toBe(false);
  });

  it('needs set-up with no identity, and a stand-alone desk until it has an administrator', () => {
    expect(deskNeedsSetup({ identitySource: null, hasAdministrator: true })).toBe(true);
    expect(deskNeedsSetup({ identitySource: 'local', hasAdministrator: false })).toBe(true);
    expect(deskNeedsSetup({ identitySource: 'local', hasAdministrator: true })).toBe(false);
  });
});

describe('what a new enrolment changes', () => {
  it('names the unit and counter before and after, or nothing when they stay', () => {
    expect(identityChange(null, enrolled)).toBeNull();
    expect(identityChange({ value: enrolled, source: 'provincial' }, { ...enrolled, unitName: 'Tên mới' })).toBeNull();
    expect(identityChange({ value: enrolled, source: 'provincial' }, { ...enrolled, slot: 2, deskId: '000.00.12.H23#2' })).toEqual({
      before: { unitName: 'UBND phường Ba Đình', agencyId: '000.00.12.H23', slot: 1 },
      after: { unitName: 'UBND phường Ba Đình', agencyId: '000.00.12.H23', slot: 2 },
    });
    expect(identityChange({ value: enrolled, source: 'provincial' }, { ...enrolled, agencyId: '000.00.13.H23', unitName: 'UBND phường Kim Mã' })?.after).toEqual({
      unitName: 'UBND phường Kim Mã',
      agencyId: '000.00.13.H23',
      slot: 1,
    });
  });
});

describe('the desk’s place', () => {
  it('shows the province only when the desk knows it', () => {
    expect(deskPlace(enrolled)).toBe('UBND phường Ba Đình');
    expect(deskPlace({ ...enrolled, provinceName: 'Thành phố Hà Nội' })).toBe('UBND phường Ba Đình, Thành phố Hà Nội');
  });
});
