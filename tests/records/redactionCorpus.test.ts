// Free-text redaction measured on 320 synthetic notes (tests/records/support/redactionCorpus.ts):
// every Safe Harbor identifier kind placed in several written formats, clinical text around it.
// The figures also go to docs/benchmarks.md (bench/records-redaction.bench.ts).
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar.js';
import {
  buildRedactionCorpus,
  NAME_ADDRESS_KINDS,
  scoreRedaction,
  STRUCTURED_KINDS,
} from './support/redactionCorpus.js';

describe('redaction corpus (≥ 300 notes, every identifier kind in several formats)', () => {
  const notes = buildRedactionCorpus();
  const score = scoreRedaction(notes, '2026-11-23' as IsoDate);
  const recall = (kind: string) => {
    const k = score.byKind.get(kind as never);
    return k === undefined ? 0 : k.caught / k.placed;
  };

  it('is deterministic and large enough', () => {
    expect(notes.length).toBeGreaterThanOrEqual(300);
    expect(buildRedactionCorpus().map((n) => n.text)).toEqual(notes.map((n) => n.text));
  });
  it.each(STRUCTURED_KINDS)('%s: recall ≥ 0.99', (kind) => {
    expect(score.byKind.get(kind)?.placed).toBeGreaterThanOrEqual(300);
    expect(recall(kind)).toBeGreaterThanOrEqual(0.99);
  });
  it.each(NAME_ADDRESS_KINDS)('%s: recall ≥ 0.95', (kind) => {
    expect(recall(kind)).toBeGreaterThanOrEqual(0.95);
  });
  it('precision ≥ 0.9: clinical numbers, doses and codes survive', () => {
    expect(score.kept.placed).toBeGreaterThanOrEqual(1000);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
  });
});
