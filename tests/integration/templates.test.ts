import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core';
import { canonicalJson } from '../../src/shared/canonical-json';
import { answerAll, startAssessment } from '../helpers/assessments';
import { MIGRATIONS, RESOURCES, createTestCore, makeWard, tempDir, type TestCore } from '../helpers/core';

// The template store against a real SQLite file: bundled versions installed once, broken files
// refused with nothing written, new versions listed with their changes and made current for new
// assessments only, while a started assessment keeps its pinned version and its score.

type Json = Record<string, unknown>;
type ItemJson = Json & { id: string; weight: number; critical: boolean; question: string };

const BUNDLED = ['ligature', 'quality', 'safety', 'therapeutic'];

function bundledFile(domain: string): Json & { items: ItemJson[] } {
  return JSON.parse(fs.readFileSync(path.join(RESOURCES, 'checklists', `${domain}.json`), 'utf8')) as Json & { items: ItemJson[] };
}

/** Safety 2026.2: S23 added, S22 removed, S13 reworded, S14 reweighted 2 → 1. */
function safetyNextVersion(): Json & { items: ItemJson[] } {
  const file = bundledFile('safety');
  const items = file.items.filter((item) => item.id !== 'S22').map((item) => {
    if (item.id === 'S13') return { ...item, question: `${item.question.replace(/\?$/, '')}, including at night?` };
    if (item.id === 'S14') return { ...item, weight: 1 };
    return item;
  });
  const s21 = file.items.find((item) => item.id === 'S21')!;
  items.push({ ...s21, id: 'S23', question: 'Is there a written plan for checking the ward environment after building work is finished?' });
  return { ...file, version: '2026.2', title: 'Safety (proposed, version 2026.2)', items };
}

const content = (json: unknown) => JSON.stringify(json, null, 2);

function auditCount(core: TestCore): number {
  return (core.store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

function templateRows(core: TestCore) {
  return core.store.sqlite.prepare('SELECT key, content_hash AS hash, source FROM templates ORDER BY key').all();
}

function currentRows(core: TestCore) {
  return core.store.sqlite.prepare('SELECT domain, template_key AS key FROM current_templates ORDER BY domain').all();
}

function withAreas(core: TestCore, name: string, siteId?: string) {
  const ward = siteId
    ? core.call('wards.create', { siteId, name, type: 'adult_acute', bedCount: 12, sexDesignation: 'mixed' })
    : makeWard(core, { name }).ward;
  core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  core.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
  return ward;
}

let core: TestCore | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
});

describe('bundled templates', () => {
  it('are installed once at start-up with their content hash, and re-opening the database installs nothing new', () => {
    core = createTestCore();
    const listed = core.call('templates.list', {});
    expect(listed.map((t) => t.key).sort()).toEqual(BUNDLED.map((d) => `${d}@2026.1`));
    for (const summary of listed) {
      expect(summary).toMatchObject({ isCurrent: true, source: 'bundled', version: '2026.1', assessmentsPinned: 0 });
      // The stored hash is SHA-256 of the file's canonical JSON, so anyone can check it from the file.
      const expected = createHash('sha256').update(canonicalJson(bundledFile(summary.domain)), 'utf8').digest('hex');
      expect(summary.contentHash, summary.key).toBe(expected);
      expect(summary.itemCount).toBe(bundledFile(summary.domain).items.length);
    }
    const audit = auditCount(core);
    expect(audit).toBe(8); // four templates created and four made current
    const rows = templateRows(core);
    const file = core.file;
    core.close();

    core = createTestCore({ file });
    expect(auditCount(core)).toBe(audit);
    expect(templateRows(core)).toEqual(rows);
    expect(currentRows(core)).toEqual(BUNDLED.map((d) => ({ domain: d, key: `${d}@2026.1` })));
  });

  it('are validated again when a file differs in any way from the version stored under its name: a broken one stops the app', () => {
    // The app's own resources, with checklists this test can change.
    const resourcesDir = tempDir('mhea-resources-');
    fs.cpSync(path.join(RESOURCES, 'checklists'), path.join(resourcesDir, 'checklists'), { recursive: true });
    const file = path.join(tempDir(), 'estates.sqlite');
    const open = () => createCore({ databaseFile: file, migrationsFolder: MIGRATIONS, resourcesDir, door: 'cli', appVersion: '0.0.0-test', actor: 'test', log: () => undefined });
    open().close();
    core = createTestCore({ file });
    const before = { audit: auditCount(core), rows: templateRows(core), current: currentRows(core) };
    core.close();
    core = undefined;

    // Same name and version, one item broken: stored as it was, this file would have been taken as installed.
    const broken = bundledFile('safety');
    broken.items.find((item) => item.id === 'S07')!.weight = 5;
    fs.writeFileSync(path.join(resourcesDir, 'checklists', 'safety.json'), content(broken));
    expect(open).toThrow(/The bundled checklist safety\.json is invalid:\nsafety\.json: item S07 → weight: /);

    // Put back exactly (other spacing, same content), the app opens and nothing was written.
    fs.writeFileSync(path.join(resourcesDir, 'checklists', 'safety.json'), JSON.stringify(bundledFile('safety')));
    open().close();
    core = createTestCore({ file });
    expect({ audit: auditCount(core), rows: templateRows(core), current: currentRows(core) }).toEqual(before);
  });
});

describe('installing a template file', () => {
  it('refuses a broken file with every problem named by item and field, and writes nothing', () => {
    core = createTestCore();
    const broken = bundledFile('safety');
    const s07 = broken.items.find((item) => item.id === 'S07')!;
    s07.weight = 5;
    delete (broken.items.find((item) => item.id === 'S03') as Partial<ItemJson>).question;
    const before = { audit: auditCount(core), rows: templateRows(core), current: currentRows(core) };

    const preview = core.call('templates.preview', { fileName: 'safety-broken.json', content: content({ ...broken, version: '2026.2' }) });
    expect(preview.valid).toBe(false);
    if (preview.valid) return;
    expect(preview.problems).toEqual([
      expect.stringMatching(/^safety-broken\.json: item S03 → question: /),
      expect.stringMatching(/^safety-broken\.json: item S07 → weight: /),
    ]);

    const result = core.raw('templates.install', { fileName: 'safety-broken.json', content: content({ ...broken, version: '2026.2' }) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toContain('safety-broken.json is not a valid checklist template');
    expect(result.error.message).toContain('item S07 → weight');
    expect(result.error.message).toContain('item S03 → question');
    expect(result.error.fields?.map((f) => f.message)).toEqual(preview.problems);
    expect({ audit: auditCount(core), rows: templateRows(core), current: currentRows(core) }).toEqual(before);
  });

  it('refuses a file that is not JSON, naming the file, and writes nothing', () => {
    core = createTestCore();
    const audit = auditCount(core);
    const preview = core.call('templates.preview', { fileName: 'notes.txt', content: 'safety, version 2' });
    expect(preview).toMatchObject({ valid: false, problems: [expect.stringMatching(/^notes\.txt is not valid JSON/)] });
    const result = core.raw('templates.install', { fileName: 'notes.txt', content: 'safety, version 2' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^notes\.txt is not valid JSON/) } });
    expect(auditCount(core)).toBe(audit);
  });

  it('lists exactly what a new version changes, makes it current for new assessments only, and never re-scores an old one', () => {
    core = createTestCore();
    const first = withAreas(core, 'Rowan Ward');
    const old = startAssessment(core, first.id);
    expect(old.templates.safety).toBe('safety@2026.1');
    answerAll(core, old.id, (item) => (item.id === 'S14' ? 'no' : item.id === 'S22' ? 'partial' : undefined));
    const scoreBefore = core.call('assessments.score', { id: old.id });
    expect(scoreBefore.scores.safety.templateVersion).toBe('2026.1');

    const next = content(safetyNextVersion());
    const expectedDiff = {
      templateId: 'safety',
      fromVersion: '2026.1',
      toVersion: '2026.2',
      added: ['S23'],
      removed: ['S22'],
      reworded: [{ itemId: 'S13', fields: ['question'] }],
      reweighted: [{ itemId: 'S14', from: { weight: 2, critical: false }, to: { weight: 1, critical: false } }],
      rescoped: [],
      thresholdsChanged: false,
      comparable: false,
    };

    // The preview says what would change and writes nothing.
    const audit = auditCount(core);
    const preview = core.call('templates.preview', { fileName: 'safety-2026.2.json', content: next });
    expect(preview).toMatchObject({ valid: true, key: 'safety@2026.2', domain: 'safety', itemCount: 22, alreadyInstalled: false, refusal: null });
    if (!preview.valid) return;
    expect(preview.current?.key).toBe('safety@2026.1');
    expect(preview.diff).toEqual(expectedDiff);
    expect(auditCount(core)).toBe(audit);
    expect(templateRows(core)).toHaveLength(4);

    const installed = core.call('templates.install', { fileName: 'safety-2026.2.json', content: next });
    expect(installed.alreadyInstalled).toBe(false);
    expect(installed.previous?.key).toBe('safety@2026.1');
    expect(installed.diff).toEqual(expectedDiff);
    expect(installed.template).toMatchObject({ key: 'safety@2026.2', isCurrent: true, source: 'safety-2026.2.json', contentHash: preview.contentHash });
    expect(auditCount(core)).toBe(audit + 2); // the version stored, and made current

    // Old assessment: still pinned to 2026.1, and its score is exactly what it was.
    expect(core.call('assessments.get', { id: old.id }).templates.safety).toBe('safety@2026.1');
    expect(core.call('assessments.score', { id: old.id })).toEqual(scoreBefore);

    // A new assessment pins the new version.
    const second = withAreas(core, 'Birch Ward', first.siteId);
    const fresh = startAssessment(core, second.id);
    expect(fresh.templates).toEqual({ quality: 'quality@2026.1', safety: 'safety@2026.2', ligature: 'ligature@2026.1', therapeutic: 'therapeutic@2026.1' });
    const byKey = new Map(core.call('templates.list', {}).map((t) => [t.key, t]));
    expect(byKey.get('safety@2026.1')).toMatchObject({ isCurrent: false, assessmentsPinned: 1 });
    expect(byKey.get('safety@2026.2')).toMatchObject({ isCurrent: true, assessmentsPinned: 1, itemCount: 22 });
    expect(core.call('templates.diff', { fromKey: 'safety@2026.1', toKey: 'safety@2026.2' })).toEqual(expectedDiff);
  });

  it('treats the same file twice as already installed, and refuses the same version with different content', () => {
    core = createTestCore();
    const next = safetyNextVersion();
    core.call('templates.install', { fileName: 'safety-2026.2.json', content: content(next) });
    const audit = auditCount(core);

    const again = core.call('templates.install', { fileName: 'copy-of-safety-2026.2.json', content: content(next) });
    expect(again).toMatchObject({ alreadyInstalled: true, template: { key: 'safety@2026.2', source: 'safety-2026.2.json' } });
    expect(auditCount(core)).toBe(audit);

    const changed = { ...next, items: next.items.map((item) => (item.id === 'S01' ? { ...item, weight: 2, critical: false } : item)) };
    const preview = core.call('templates.preview', { fileName: 'safety-edited.json', content: content(changed) });
    expect(preview).toMatchObject({ valid: true, key: 'safety@2026.2', alreadyInstalled: false, refusal: expect.stringContaining('already installed with different content') });

    const rows = templateRows(core);
    const refused = core.raw('templates.install', { fileName: 'safety-edited.json', content: content(changed) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('give the changed file a new version number') } });
    expect(templateRows(core)).toEqual(rows);
    expect(auditCount(core)).toBe(audit);
  });

  it('can install without making current, and setCurrent switches back and forth for new assessments', () => {
    core = createTestCore();
    const kept = core.call('templates.install', { fileName: 'safety-2026.2.json', content: content(safetyNextVersion()), makeCurrent: false });
    expect(kept.template.isCurrent).toBe(false);
    expect(currentRows(core)).toContainEqual({ domain: 'safety', key: 'safety@2026.1' });

    expect(core.call('templates.setCurrent', { key: 'safety@2026.2' })).toMatchObject({ key: 'safety@2026.2', isCurrent: true });
    const audit = auditCount(core);
    const back = core.call('templates.setCurrent', { key: 'safety@2026.1' });
    expect(back).toMatchObject({ key: 'safety@2026.1', isCurrent: true });
    expect(auditCount(core)).toBe(audit + 1);
    const entry = core.call('audit.list', { entityId: 'safety', limit: 1 })[0];
    expect(entry).toMatchObject({ action: 'update', entity: 'current_template', before: { templateKey: 'safety@2026.2' }, after: { templateKey: 'safety@2026.1' } });

    const ward = withAreas(core, 'Hazel Ward');
    expect(startAssessment(core, ward.id).templates.safety).toBe('safety@2026.1');
    const listed = core.call('templates.list', {}).filter((t) => t.domain === 'safety');
    expect(listed.map((t) => [t.key, t.isCurrent])).toEqual([
      ['safety@2026.2', false],
      ['safety@2026.1', true],
    ]);

    const missing = core.raw('templates.setCurrent', { key: 'safety@2030.1' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
