import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processBudget } from '../helpers/budgets';
import { cli } from '../helpers/cli';
import { createTestCore, tempDir } from '../helpers/core';
import { assessWard, sampleBoard } from '../helpers/exchange';

describe('exchange on the command line', () => {
  it('exports a return and its CSV files, verifies it, imports it once, and refuses an altered copy', { timeout: processBudget(6) }, () => {
    const dir = tempDir();
    const sourceDb = path.join(dir, 'board.sqlite');
    const source = createTestCore({ file: sourceDb });
    const { board } = sampleBoard(source, 'NHS Lothian Test');
    source.close();

    const out = path.join(dir, 'returns-lothian.json');
    const exported = cli('export', '--board', board.id, '--out', out, '--csv', path.join(dir, 'csv'), '--db', sourceDb);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^Wrote .*returns-lothian\.json: NHS Lothian Test, 2 assessments, 3 wards\. Digest sha256:[0-9a-f]{64}/);
    expect(fs.readdirSync(path.join(dir, 'csv')).sort()).toEqual(
      ['actions.csv', 'answers.csv', 'areas.csv', 'assessment_areas.csv', 'assessments.csv', 'assessors.csv', 'boards.csv', 'ligature_points.csv', 'scores.csv', 'sites.csv', 'wards.csv'],
    );

    const verified = cli('verify', out, '--db', path.join(dir, 'scratch.sqlite'));
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('✓ Digest sha256:');
    expect(verified.stdout).toContain('✓ Re-scored 2 assessments from their answers');
    expect(verified.stdout).toContain('OK: NHS Lothian Test, 2 assessments');

    const tampered = path.join(dir, 'returns-lothian-edited.json');
    fs.writeFileSync(tampered, fs.readFileSync(out, 'utf8').replace('"bedCount": 20', '"bedCount": 21'));
    const badVerify = cli('verify', tampered, '--db', path.join(dir, 'scratch.sqlite'));
    expect(badVerify.code).toBe(1);
    expect(badVerify.stderr).toContain('✗ returns-lothian-edited.json: digest does not match its content (file altered after export)');

    // A byte that is not UTF-8 (Latin-1 "é" in a name): refused, never read as a replacement character.
    const latin1 = path.join(dir, 'returns-latin1.json');
    const text = fs.readFileSync(out);
    const at = text.indexOf('"name": "NHS Lothian Test"') + '"name": "NHS Lothian '.length;
    fs.writeFileSync(latin1, Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at + 1)]));
    const line = text.subarray(0, at).toString('utf8').split('\n').length;

    const collatorDb = path.join(dir, 'national.sqlite');
    const imported = cli('import', out, tampered, latin1, '--db', collatorDb);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/returns-lothian\.json: imported NHS Lothian Test: 2 assessments added; 12 estate records added, 0 updated\./);
    expect(imported.stderr).toContain('REFUSED returns-lothian-edited.json: digest does not match its content (file altered after export)');
    expect(imported.stderr).toContain(`REFUSED returns-latin1.json: is not valid UTF-8 text: byte ${at} (line ${line}, byte `);
    expect(imported.stdout).toContain('1 of 3 files accepted, 2 refused.');

    const again = cli('import', out, '--db', collatorDb);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('returns-lothian.json: already imported (NHS Lothian Test); nothing changed.\n');

    const reExported = cli('export', '--board', board.id, '--db', collatorDb);
    expect(reExported.stdout).toBe(fs.readFileSync(out, 'utf8'));
  });

  it('exports one round with --round: a later round travels alone, verifies and imports beside the earlier one', { timeout: processBudget(4) }, () => {
    const dir = tempDir();
    const sourceDb = path.join(dir, 'board.sqlite');
    const source = createTestCore({ file: sourceDb });
    const { board, wards, assessmentIds } = sampleBoard(source, 'NHS Rounds Test');
    const later = assessWard(source, wards[0]!.id, 0, '2027/28', '2027-10-05', '2027-10-06T15:00:00.000Z');
    source.close();

    const earlier = path.join(dir, 'earlier.json');
    const latest = path.join(dir, 'latest.json');
    expect(cli('export', '--board', board.id, '--round', '2026/27', '--out', earlier, '--db', sourceDb).code).toBe(0);
    const exported = cli('export', '--board', board.id, '--round', '2027/28', '--out', latest, '--db', sourceDb);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/NHS Rounds Test, 1 assessment, 3 wards\./);
    const ids = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { assessments: { id: string }[] }).assessments.map((a) => a.id).sort();
    expect(ids(earlier)).toEqual([...assessmentIds].sort());
    expect(ids(latest)).toEqual([later]);

    // The later round refers back to the earlier one, which is not in its file: it still verifies and imports.
    const collatorDb = path.join(dir, 'national.sqlite');
    const imported = cli('import', latest, earlier, '--db', collatorDb);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('latest.json: imported NHS Rounds Test: 1 assessment added');
    expect(imported.stdout).toContain('earlier.json: imported NHS Rounds Test: 2 assessments added');

    const bad = cli('export', '--board', board.id, '--round', '2027', '--db', sourceDb);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('round: Enter the round as a financial year, e.g. 2026/27');
  });
});
