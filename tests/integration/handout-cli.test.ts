import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAssessment } from '../helpers/assessments';
import { processBudget } from '../helpers/budgets';
import { cli } from '../helpers/cli';
import { createTestCore, makeWard, tempDir } from '../helpers/core';
import { answer } from '../helpers/merge';

describe('hand-outs on the command line', () => {
  it('writes the register and an assessment, takes them on another database, merges once, and refuses an altered file', { timeout: processBudget(5) }, () => {
    const dir = tempDir();
    const boardDb = path.join(dir, 'board.sqlite');
    const laptopDb = path.join(dir, 'laptop.sqlite');
    const board = createTestCore({ file: boardDb });
    const { board: nhs, ward } = makeWard(board, { name: 'Birch Ward' });
    board.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const assessment = startAssessment(board, ward.id);
    answer(board, assessment.id, 'Q01', null, 'B');
    board.close();

    const out = path.join(dir, 'files');
    const register = cli('handout', '--board', nhs.id, '--out', out, '--db', boardDb);
    expect(register.code, register.stderr).toBe(0);
    const handout = cli('handout', '--assessment', assessment.id, '--out', out, '--db', boardDb);
    expect(handout.code, handout.stderr).toBe(0);
    expect(handout.stdout).toMatch(/^Wrote .*birch-ward-2026-11-20-from-.*\.json\. Digest sha256:[0-9a-f]{64}/);
    const files = fs.readdirSync(out).sort();
    const registerFile = path.join(out, files.find((f) => f.endsWith('-register.json'))!);
    const assessmentFile = path.join(out, files.find((f) => f.includes('-from-'))!);

    const taken = cli('take', registerFile, assessmentFile, '--db', laptopDb);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toContain(`register of ${nhs.name} imported: 4 added`);
    expect(taken.stdout).toMatch(/Birch Ward \(2026-11-20\) started from /);
    expect(cli('take', assessmentFile, '--db', laptopDb).stdout).toMatch(/Birch Ward \(2026-11-20\) unchanged/);

    const altered = path.join(dir, 'altered.json');
    fs.writeFileSync(altered, fs.readFileSync(assessmentFile, 'utf8').replace('"value": "B"', '"value": "A"'));
    const refused = cli('take', altered, '--db', laptopDb);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('REFUSED altered.json: digest does not match its content (file altered after export)');
  });
});
