import { fillWithDefaultSettings, getQueryPlan, normalizeMangoQuery } from 'rxdb';
import type { MangoQuery, RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { buildSelector, sortField } from '../../../renderer/store/dossier-query.ts';
import { primaryKeyQuery } from '../../../renderer/store/paged-queries.ts';
import { settingsSchema } from '../../../renderer/store/schemas/settings-schema.ts';
import { dossierSchema } from '../../../renderer/store/schemas/dossier-schema.ts';
import { eventSchema } from '../../../renderer/store/schemas/event-schema.ts';

/** The plan RxDB gives the storage for a query, with the `_deleted` filter RxQuery adds. */
function planOf<T>(schema: RxJsonSchema<T>, query: MangoQuery<T>) {
  const filled = fillWithDefaultSettings(schema);
  const withDeleted = { ...query, selector: { ...query.selector, _deleted: { $eq: false } }, ...(query.index ? { index: ['_deleted', ...[query.index].flat()] } : {}) };
  return getQueryPlan(filled, normalizeMangoQuery(filled, withDeleted as MangoQuery<T>));
}

// An unsatisfied sort makes Dexie storage read the whole key range and sort it in memory, limit or not.
describe('query plans of paged reads', () => {
  it('pages dossiers and events in primary-key order on the primary-key index, from the first page on', () => {
    const cases = [
      { schema: fillWithDefaultSettings(dossierSchema), primary: 'code', after: '000.00.12.H23-251124-0001' },
      { schema: fillWithDefaultSettings(eventSchema), primary: 'id', after: '01JD0000000000000000000000' },
    ] as const;
    for (const { schema, primary, after } of cases) {
      for (const from of [null, after]) {
        const { queryPlan } = primaryKeyQuery(schema as RxJsonSchema<never>, primary, { after: from }, 500);
        expect(queryPlan, `${primary} after ${from}`).toMatchObject({ index: ['_deleted', primary], sortSatisfiedByIndex: true, selectorSatisfiedByIndex: true });
      }
    }
  });

  it('reads a range of settings (the report days) on the primary-key index', () => {
    const { queryPlan } = primaryKeyQuery(fillWithDefaultSettings(settingsSchema) as RxJsonSchema<never>, 'id', { from: 'report-day:2025-01-01', before: 'report-day:2025-12-31~' });
    expect(queryPlan).toMatchObject({ index: ['_deleted', 'id'], sortSatisfiedByIndex: true, selectorSatisfiedByIndex: true });
  });

  it('would not be on that index if left to the planner (why the pages name it)', () => {
    expect(planOf(dossierSchema, { selector: { code: { $gt: 'A' } }, sort: [{ code: 'asc' }], limit: 500 }).sortSatisfiedByIndex).toBe(false);
  });

  it("reads a dossier's events and the list's first pages straight from an index", () => {
    expect(planOf(eventSchema, { selector: { dossierCode: 'X' }, sort: [{ id: 'asc' }] })).toMatchObject({ sortSatisfiedByIndex: true, selectorSatisfiedByIndex: true });
    for (const query of [{}, { officer: 'officer-1' }, { procedure: '1.000001' }]) {
      const sort = 'received-desc' as const;
      const plan = planOf(dossierSchema, { selector: buildSelector(query, sort), sort: [{ [sortField(sort)]: 'asc' }], limit: 51 } as MangoQuery<never>);
      expect(plan, JSON.stringify(query)).toMatchObject({ sortSatisfiedByIndex: true, selectorSatisfiedByIndex: true });
    }
  });

  it("filters an alert list by holder unit while walking the same index range, in index order", () => {
    for (const officer of [undefined, 'officer-1']) {
      const query = { holderUnit: '000.00.12.H23', deadline: { before: '2025-11-24T01:00:00Z' }, ...(officer ? { officer } : {}) };
      const selector = { ...buildSelector(query, 'due-asc'), status: 2 };
      const plan = planOf(dossierSchema, { selector, sort: [{ dueKey: 'asc' }], limit: 201 } as MangoQuery<never>);
      const without = planOf(dossierSchema, { selector: { ...buildSelector({ ...query, holderUnit: undefined }, 'due-asc'), status: 2 }, sort: [{ dueKey: 'asc' }], limit: 201 } as MangoQuery<never>);
      expect(plan.index).toEqual(without.index);
      expect(plan.startKeys).toEqual(without.startKeys);
      expect(plan.endKeys).toEqual(without.endKeys);
      // The holder unit is read from the documents met on the range (the limit applies after it).
      expect(plan).toMatchObject({ sortSatisfiedByIndex: true, selectorSatisfiedByIndex: false });
    }
  });
});
