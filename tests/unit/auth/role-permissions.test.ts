import { describe, expect, it } from 'vitest';
import { officerRoleSchema } from '../../../src/auth/officer.ts';
import { roleMayRecord } from '../../../src/auth/role-permissions.ts';
import { eventTypes } from '../../../src/dossier/events.ts';
import { roleActions, TRACKING_ACTIONS } from '../../../renderer/screens/dossier-detail/role-actions.ts';

describe('who may record what: one rule for the desk and the server', () => {
  it('lets reception receive and return, processing decide, and never the other way round', () => {
    expect(roleMayRecord('reception', 'RECEIVED')).toBe(true);
    expect(roleMayRecord('reception', 'RETURNED')).toBe(true);
    expect(roleMayRecord('reception', 'RESOLVED')).toBe(false);
    expect(roleMayRecord('processing', 'RESOLVED')).toBe(true);
    expect(roleMayRecord('processing', 'RECEIVED')).toBe(false);
    expect(roleMayRecord('processing', 'RETURNED')).toBe(false);
  });

  it('lets a leader, and an administrator on a desk granted to them, record every event', () => {
    for (const type of eventTypes) {
      expect(roleMayRecord('leader', type), type).toBe(true);
      expect(roleMayRecord('admin', type), type).toBe(true);
    }
  });

  it('offers on the detail screen exactly the tracking actions the server accepts from the role', () => {
    for (const role of officerRoleSchema.options) {
      expect(roleActions(role)).toEqual(TRACKING_ACTIONS.filter((action) => roleMayRecord(role, action)));
      expect(roleActions(role).length).toBeGreaterThan(0);
    }
    expect(roleActions('processing')).not.toContain('WITHDRAWN');
    expect(roleActions('reception')).toContain('WITHDRAWN');
  });
});
