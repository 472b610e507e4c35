import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../../src/catalogue/bundled-catalogue.ts';
import { parseEvent, payloadSchemas } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventType } from '../../../src/dossier/events.ts';
import { eventTextProblem } from '../../../renderer/components/event-text-rule.ts';
import { EMPTY_RECEIVE_VALUES, papersOf, toPayload } from '../../../renderer/screens/receive/receive-form.ts';
import { samplePayloads, withValueAt } from '../../support/event-text-fields.ts';
import { eventFactory, PROCESSING_UNIT, START } from '../dossier/fixtures.ts';

const TODAY = '2025-11-24';

/**
 * Issue 18: the forms show the text rule's own message on the field, asked of the event schema
 * (no copy of the rule in the renderer): the same words the event would be refused with.
 */
const procedure = loadBundledCatalogue().procedures.find((p) => p.code === '1.001193')!;
const payloads = samplePayloads(START, PROCESSING_UNIT);

/** What parseEvent says about `text` at `path` of a valid event of `type`. */
function refusalOf(type: EventType, path: Array<string | number>, text: string): string {
  const event = eventFactory().make(type, payloads[type] as never);
  const parsed = parseEvent(withValueAt<DossierEvent>(event, path, text));
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.error.message;
}

describe('the receive form', () => {
  const typed = (changes: Partial<typeof EMPTY_RECEIVE_VALUES>) => toPayload(procedure, { ...EMPTY_RECEIVE_VALUES, papers: papersOf(procedure), fullName: 'Lê Thị Hoa', ...changes }, TODAY);

  it.each([
    { field: 'fullName' as const, path: ['payload', 'applicant', 'fullName'], text: 'Lê Thị\u0000 Hoa' },
    { field: 'fullName' as const, path: ['payload', 'applicant', 'fullName'], text: 'Lê \u202EThị Hoa' },
    { field: 'address' as const, path: ['payload', 'applicant', 'address'], text: 'Thôn Đông\u0007, xã Tân Lập' },
    { field: 'notes' as const, path: ['payload', 'notes'], text: 'Nộp thay\uDC00 cho con' },
  ])('shows the event\u2019s refusal on $field', ({ field, path, text }) => {
    const result = typed({ [field]: text });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[field]).toBe(refusalOf('RECEIVED', path, text));
  });

  it('still takes ordinary text, and keeps its own checks', () => {
    expect(typed({ address: 'Số 7\tngõ 3', notes: 'Ghi chú' }).ok).toBe(true);
    expect(typed({ fullName: 'Lê 3 Hoa' })).toMatchObject({ ok: false, errors: { fullName: expect.stringContaining('chữ số') } });
  });
});

describe('the action forms ask the event schema', () => {
  it.each([
    { type: 'REFUSED' as const, path: ['payload', 'reason'], field: payloadSchemas.REFUSED.shape.reason },
    { type: 'WITHDRAWN' as const, path: ['payload', 'reason'], field: payloadSchemas.WITHDRAWN.shape.reason },
    { type: 'EXTENDED' as const, path: ['payload', 'responsibleUnit'], field: payloadSchemas.EXTENDED.shape.responsibleUnit },
    { type: 'RETURNED' as const, path: ['payload', 'collectedBy', 'fullName'], field: payloadSchemas.RETURNED.shape.collectedBy.shape.fullName },
    { type: 'RESOLVED' as const, path: ['payload', 'resultSummary'], field: payloadSchemas.RESOLVED.shape.resultSummary },
    { type: 'SUPPLEMENT_REQUESTED' as const, path: ['payload', 'items', 0], field: payloadSchemas.SUPPLEMENT_REQUESTED.shape.items.element },
  ])('$type: the same message as the event\u2019s refusal', ({ type, path, field }) => {
    const text = 'Cần bổ sung\u2066 giấy tờ';
    expect(eventTextProblem(field, text)).toBe(refusalOf(type, path, text));
    expect(eventTextProblem(field, 'Cần bổ sung giấy tờ')).toBeNull();
    expect(eventTextProblem(field, '')).toBeNull();
  });
});
