import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../helpers/core';
import { pdfPages, reportEstate } from '../helpers/reports';
import { processBudget } from '../helpers/budgets';
import { cli } from '../helpers/cli';

describe('npm run cli -- report', () => {
  it('writes the board report to the file named by --out, and a ward report for an assessment', { timeout: processBudget(2) }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'estate.sqlite');
    const core = createTestCore({ file: db });
    const estate = reportEstate(core);
    core.close();

    const out = path.join(dir, 'reports', 'board.pdf');
    const run = cli('report', '--board', estate.board.id, '--round', '2026/27', '--out', out, '--db', db);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*board\.pdf \(\d+ pages?\)\./);
    const pages = await pdfPages(fs.readFileSync(out));
    expect(pages[0]).toContain('Consolidated estate report: NHS Reportshire');
    expect(pages.join(' ')).toContain('Łódź Ward');
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);

    const wardOut = path.join(dir, 'ward.pdf');
    expect(cli('report', '--assessment', estate.rowanNow.id, '--out', wardOut, '--db', db).code).toBe(0);
    expect((await pdfPages(fs.readFileSync(wardOut)))[0]).toContain('Ward assessment report: Rowan Ward');
  });

  it('explains its usage, and names the problem when the round was never assessed', { timeout: processBudget(2) }, () => {
    const dir = tempDir();
    const db = path.join(dir, 'estate.sqlite');
    const core = createTestCore({ file: db });
    const board = core.call('boards.create', { name: 'NHS Usage' });
    core.close();

    const missingOut = cli('report', '--board', board.id, '--db', db);
    expect(missingOut.code).toBe(2);
    expect(missingOut.stderr).toContain('--out FILE');

    const wrongRound = cli('report', '--board', board.id, '--round', '2020/21', '--out', path.join(dir, 'x.pdf'), '--db', db);
    expect(wrongRound.code).toBe(1);
    expect(wrongRound.stderr).toContain('No ward in NHS Usage was signed off in round 2020/21');
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
