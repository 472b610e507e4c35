import { describe, expect, it } from 'vitest';
import {
  PAPERS_RATE_LABEL,
  RESULTS_RATE_LABEL,
  countDigitisation,
  describeDigitisation,
  digitisationRate,
  emptyDigitisationCounts,
} from '../../../src/reports/digitisation.ts';
import type { ReportFigure } from '../../../src/reports/report-figures.ts';

const both = { papersDigitised: true, resultDigitised: true };
const none = { papersDigitised: false, resultDigitised: false };
const receivedResolved: ReportFigure[] = ['received.total', 'received.inPerson', 'finished.total', 'finished.onTime'];

describe('countDigitisation', () => {
  it('counts papers over the dossiers received in the period and results over those resolved in it', () => {
    const counts = emptyDigitisationCounts();
    countDigitisation(counts, both, receivedResolved);
    countDigitisation(counts, none, ['received.total', 'received.online', 'inProcessing.total', 'inProcessing.notDue']);
    // Carried over and resolved: its result counts, its papers belong to the period it was received in.
    countDigitisation(counts, both, ['carriedOver', 'finished.total', 'finished.late']);
    expect(counts).toEqual({ received: 2, papersDigitised: 1, resolved: 2, resultsDigitised: 2 });
  });

  it('leaves withdrawn, refused and stopped dossiers out of the results: none of them issued one', () => {
    const counts = emptyDigitisationCounts();
    countDigitisation(counts, both, ['carriedOver', 'finished.total', 'finished.onTime', 'withdrawn']);
    countDigitisation(counts, both, ['carriedOver', 'refused']);
    countDigitisation(counts, both, ['carriedOver', 'paused']);
    expect(counts).toEqual({ received: 0, papersDigitised: 0, resolved: 0, resultsDigitised: 0 });
  });
});

describe('digitisationRate', () => {
  it('gives both rates in percent with one decimal, null when there is nothing to divide by', () => {
    expect(digitisationRate({ received: 3, papersDigitised: 2, resolved: 0, resultsDigitised: 0 })).toEqual({
      received: 3,
      papersDigitised: 2,
      papersRate: 66.7,
      resolved: 0,
      resultsDigitised: 0,
      resultsRate: null,
    });
  });
});

describe('describeDigitisation', () => {
  it('prints both rates in Vietnamese, with Vietnamese digit grouping and decimal comma', () => {
    expect(describeDigitisation(digitisationRate({ received: 20, papersDigitised: 12, resolved: 10, resultsDigitised: 5 }))).toBe(
      `${PAPERS_RATE_LABEL}: 12/20 (60%) · ${RESULTS_RATE_LABEL}: 5/10 (50%)`,
    );
    expect(describeDigitisation(digitisationRate({ received: 1_200, papersDigitised: 750, resolved: 8, resultsDigitised: 1 }))).toBe(
      `${PAPERS_RATE_LABEL}: 750/1.200 (62,5%) · ${RESULTS_RATE_LABEL}: 1/8 (12,5%)`,
    );
  });

  it('prints a rate with nothing to divide by without a percentage, and no line for an empty period', () => {
    expect(describeDigitisation(digitisationRate({ received: 4, papersDigitised: 0, resolved: 0, resultsDigitised: 0 }))).toBe(
      `${PAPERS_RATE_LABEL}: 0/4 (0%) · ${RESULTS_RATE_LABEL}: 0/0`,
    );
    expect(describeDigitisation(digitisationRate(emptyDigitisationCounts()))).toBeNull();
  });
});
