import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { answerAll, startAssessment } from '../helpers/assessments';
import { processBudget } from '../helpers/budgets';
import { cli } from '../helpers/cli';
import { RESOURCES, createTestCore, makeWard, tempDir } from '../helpers/core';

describe('the command line', () => {
  it('seeds the demo estate into the database named by --db', { timeout: processBudget(1) }, () => {
    const db = path.join(tempDir(), 'demo.sqlite');
    const run = cli('seed-demo', '--db', db);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 board, 3 sites, 12 wards, \d+ areas/);
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) AS n FROM wards').get()).toEqual({ n: 12 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE actor LIKE '% via cli'").get()).toMatchObject({ n: expect.any(Number) });
    sqlite.close();
  });

  it('runs any contract operation and names the bad field when the input is wrong', { timeout: processBudget(3) }, () => {
    const db = path.join(tempDir(), 'calls.sqlite');
    const created = cli('call', 'boards.create', '{"name":"NHS Command Line"}', '--db', db);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name: 'NHS Command Line' });

    const bad = cli('call', 'boards.create', '{"name":""}', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('VALIDATION');
    expect(bad.stderr).toContain('name: Enter the board name');
    const listed = cli('call', 'boards.list', '--db', db);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(1);
  });

  it('prints help, and refuses an unknown command with a pointer to it', { timeout: processBudget(2) }, () => {
    expect(cli('help').stdout).toContain('seed-demo');
    const unknown = cli('launch-rockets');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('npm run cli -- help');
  });
});

describe('the command line: checklist templates and scores', () => {
  const safety = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'checklists', 'safety.json'), 'utf8')) as {
    version: string;
    items: { id: string; weight: number; question: string }[];
  };

  function writeJson(dir: string, name: string, json: unknown): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
    return file;
  }

  it('lists the installed versions, installs a new one showing its changes, and switches back', { timeout: processBudget(5) }, () => {
    const dir = tempDir();
    const db = path.join(dir, 'templates.sqlite');
    const listed = cli('templates', 'list', '--db', db);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^\* safety@2026\.1\s+22 items\s+proposed\s+bundled {2}sha256:[0-9a-f]{12}… {2}used by 0$/m);
    expect(listed.stdout.trim().split('\n')).toHaveLength(4);

    const next = {
      ...safety,
      version: '2026.2',
      items: safety.items
        .filter((item) => item.id !== 'S22')
        .map((item) => (item.id === 'S14' ? { ...item, weight: 1 } : item.id === 'S13' ? { ...item, question: `${item.question} Check at night too.` } : item))
        .concat([{ ...safety.items.find((item) => item.id === 'S21')!, id: 'S23' }]),
    };
    const installed = cli('templates', 'install', writeJson(dir, 'safety-2026.2.json', next), '--db', db);
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain('Installed safety@2026.2 (22 items).');
    expect(installed.stdout).toContain('Changes against safety@2026.1:');
    expect(installed.stdout).toContain('  added: S23\n');
    expect(installed.stdout).toContain('  removed: S22\n');
    expect(installed.stdout).toContain('  reworded: S13\n');
    expect(installed.stdout).toContain('  reweighted: S14 (2 → 1)\n');
    expect(installed.stdout).toContain('safety@2026.2 is now current for new assessments');

    const used = cli('templates', 'use', 'safety@2026.1', '--db', db);
    expect(used.code).toBe(0);
    expect(used.stdout).toContain('safety@2026.1 is now current for new safety assessments.');
    const after = cli('templates', 'list', '--db', db).stdout;
    expect(after).toMatch(/^\* safety@2026\.1 /m);
    expect(after).toMatch(/^ {2}safety@2026\.2 .* safety-2026\.2\.json /m);

    const unknown = cli('templates', 'use', 'safety@2030.1', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('NOT_FOUND');
  });

  it('refuses a broken template file with exit code 1, naming the item and field, and installs nothing', { timeout: processBudget(1) }, () => {
    const dir = tempDir();
    const db = path.join(dir, 'broken.sqlite');
    const broken = { ...safety, version: '2026.3', items: safety.items.map((item) => (item.id === 'S07' ? { ...item, weight: 7 } : item)) };
    const refused = cli('templates', 'install', writeJson(dir, 'safety-broken.json', broken), '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('VALIDATION: safety-broken.json is not a valid checklist template');
    expect(refused.stderr).toMatch(/safety-broken\.json: item S07 → weight: /);
    expect(refused.stdout).toBe('');
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare('SELECT key FROM templates ORDER BY key').all()).toEqual(
      ['ligature@2026.1', 'quality@2026.1', 'safety@2026.1', 'therapeutic@2026.1'].map((key) => ({ key })),
    );
    sqlite.close();
  });

  it('prints the full scored result of an assessment as JSON', { timeout: processBudget(2) }, () => {
    const db = path.join(tempDir(), 'score.sqlite');
    const core = createTestCore({ file: db });
    const { ward } = makeWard(core);
    core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const assessment = startAssessment(core, ward.id);
    answerAll(core, assessment.id, (item) => (item.id === 'S12' ? 'no' : undefined));
    const expected = core.call('assessments.score', { id: assessment.id });
    core.close();

    const scored = cli('score', '--db', db, '--assessment', assessment.id);
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    const printed = JSON.parse(scored.stdout) as typeof expected;
    expect(printed).toEqual(expected);
    expect(printed.scores.safety).toMatchObject({ rating: 'red', gates: [{ itemId: 'S12', reason: 'critical_no' }] });
    expect(printed.scores.quality.sections.length).toBeGreaterThan(0);

    const missing = cli('score', '--db', db, '--assessment', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
  });
});
