import { describe, expect, it } from 'vitest';
import { AGENCY_LABELS, LEVEL_LABELS } from '../../../src/catalogue/labels.ts';
import { agencyTypeSchema, formerLevelSchema } from '../../../src/catalogue/procedure-schema.ts';

describe('labels', () => {
  it('names every level and agency type in Vietnamese (NFC)', () => {
    expect(Object.keys(LEVEL_LABELS).sort()).toEqual([...formerLevelSchema.options].sort());
    expect(Object.keys(AGENCY_LABELS).sort()).toEqual([...agencyTypeSchema.options].sort());
    for (const label of [...Object.values(LEVEL_LABELS), ...Object.values(AGENCY_LABELS)]) {
      expect(label.trim()).not.toBe('');
      expect(label).toBe(label.normalize('NFC'));
    }
    expect(AGENCY_LABELS['commune-police']).toBe('Công an cấp xã');
    expect(LEVEL_LABELS.district).toContain('đã bỏ');
  });
});
