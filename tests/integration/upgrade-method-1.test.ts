import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/core/services/assessments/score';
import { scoredWards } from '../../src/core/services/scores/scored-wards';
import { serialiseReturn } from '../../src/shared/exchange/serialise';
import { SCORING_ENGINE_VERSION } from '../../src/shared/scoring';
import { APP_ROOT, createTestCore, tempDir, type TestCore } from '../helpers/core';
import { pdfPages } from '../helpers/reports';

// A database from the release that ran scoring method 1 (made by
// tests/fixtures/make-method-1-db.ts with that release's code): Birch Ward signed off and kept as
// amber, although one of its high points has a replacement marked overdue (method 1 let another
// action speak for the point); Aspen Ward a draft with a ligature prompt "not applicable" and no
// reason. Opened by this version: nothing is re-rated, and everything says which engine scored it.

const FIXTURE = path.join(APP_ROOT, 'tests', 'fixtures', 'method-1-signed-off.sqlite');

let core: TestCore | undefined;
afterEach(() => core?.close());

function open() {
  const file = path.join(tempDir(), 'estates.sqlite');
  fs.copyFileSync(FIXTURE, file);
  core = createTestCore({ file });
  const ids = (status: string) => (core!.store.sqlite.prepare('SELECT id FROM assessments WHERE status = ?').all(status) as { id: string }[]).map((r) => r.id);
  return { file, signed: ids('signed_off')[0]!, draft: ids('draft')[0]! };
}

function counts(file: string): Record<string, number> {
  const sqlite = new Database(file, { readonly: true });
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  const result = Object.fromEntries(tables.map((t) => [t.name, (sqlite.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
  sqlite.close();
  return result;
}

describe('a database signed off under scoring method 1', () => {
  it('migrates without losing a row, and keeps the result kept at sign-off, byte for byte', () => {
    const before = counts(FIXTURE);
    const kept = new Database(FIXTURE, { readonly: true }).prepare('SELECT assessment_id, engine, scores, computed_at FROM assessment_scores').all();
    const { file } = open();
    const after = counts(file);
    for (const [table, n] of Object.entries(before)) if (table !== '__drizzle_migrations') expect(after[table], table).toBe(n);
    expect(core!.store.sqlite.prepare('SELECT assessment_id, engine, scores, computed_at FROM assessment_scores').all()).toEqual(kept);
  });

  it('shows the signed-off ward as it was signed off, says which engine scored it, and never re-rates it', async () => {
    const { signed } = open();
    const result = core!.call('assessments.score', { id: signed });
    expect(result).toMatchObject({ engine: 'mhea-scoring/1', kept: true, scores: { ligature: { rating: 'amber', summary: { overdueActionCount: 0 } } } });
    // This engine would rate the same record red (the overdue replacement counts): it is not put in its place.
    const now = scoreAssessment(core!.store.db, signed).scores.ligature;
    expect(now).toMatchObject({ rating: 'red', summary: { overdueActionCount: 1 } });
    expect(now.gates.map((g) => g.reason)).toEqual(['action_overdue']);

    const [ward] = scoredWards(core!.store.db);
    expect(ward).toMatchObject({ assessment: { id: signed }, scoredBy: 'mhea-scoring/1', scores: { ligature: { rating: 'amber' } } });
    const compare = core!.call('compare.data', { level: 'nation' });
    expect(compare.total.ligature.ratingCounts).toEqual({ red: 0, amber: 1, green: 0, not_rated: 0 });

    const report = await core!.callAsync('reports.ward', { assessmentId: signed });
    const text = (await pdfPages(Buffer.from(report.pdfBase64, 'base64'))).join('\n');
    expect(text).toMatch(/Scored by\s+mhea-\s?scoring\/1, the result kept when it was signed off/);
    const board = core!.call('boards.list', {})[0]!;
    const estate = await core!.callAsync('reports.board', { boardId: board.id });
    expect((await pdfPages(Buffer.from(estate.pdfBase64, 'base64'))).join('\n')).toMatch(/Scored by\s+mhea-\s?scoring\/1 \(1 ward, kept from an earlier version of the method\)/);
  });

  it('exports the kept result with its engine, and a collator on this version refuses it, naming the assessment and what to do', () => {
    const { signed } = open();
    const board = core!.call('boards.list', {})[0]!;
    const file = core!.call('exchange.export', { boardId: board.id });
    expect(file.scoringEngine).toBe(SCORING_ENGINE_VERSION);
    expect(file.assessments.map((a) => [a.id, a.scores.engine, a.scores.result.ligature.rating])).toEqual([[signed, 'mhea-scoring/1', 'amber']]);
    const verified = core!.call('exchange.verify', { fileName: 'method-1.json', content: serialiseReturn(file) });
    expect(verified.ok).toBe(false);
    expect(verified.problem).toContain(`method-1.json: Birch Ward (round 2025/26, assessment ${signed}) was signed off with the scores of engine mhea-scoring/1`);
    expect(verified.problem).toContain('it does not re-rate a signed-off assessment');
    expect(verified.problem).toContain('The board should assess the ward again under method 2 (a new assessment, signed off) and send that');
    const collator = createTestCore();
    const imported = collator.raw('exchange.import', { fileName: 'method-1.json', content: serialiseReturn(file) });
    expect(imported).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(collator.call('boards.list', {})).toEqual([]);
    collator.close();
  });

  it('scores the draft begun under method 1 by method 2, which asks for the missing reason before sign-off', () => {
    const { draft } = open();
    expect(core!.call('assessments.score', { id: draft })).toMatchObject({ engine: SCORING_ENGINE_VERSION, kept: false, scores: { ligature: { rating: 'not_rated', ratingBasis: 'prompts_incomplete' } } });
    const check = core!.call('assessments.signOffCheck', { assessmentId: draft });
    expect(check.ready).toBe(false);
    expect(check.naWithoutReason.map((m) => [m.itemId, m.areaName])).toEqual([['L09', 'Lounge']]);
    // Eight prompts (five in the bedroom, two in the lounge, one ward-wide); the N/A without a reason is not an answer.
    expect(check.reasons).toEqual(['Ligature risk is 87.5% complete (7 of 8 answered); its checklist needs 100% before sign-off', '1 answer is “not applicable” without the reason it needs']);
  });
});
