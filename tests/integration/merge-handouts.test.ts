import { describe, expect, it } from 'vitest';
import { exchangeDigest } from '../../src/core/services/exchange/digest';
import { serialiseReturn } from '../../src/shared/exchange/serialise';
import { answerAll, startAssessment } from '../helpers/assessments';
import { createTestCore, makeWard, type TestCore } from '../helpers/core';
import { ONE_PIXEL_PNG, answer, handOut, take, takeAssessment, wardInItsSecondRound } from '../helpers/merge';

// Hand-out files one case at a time: the register, refusals that say which assessment, board or
// checklist version, signed-off assessments never changed, photos by content hash, removals
// against edits, areas added twice, and the audit trail of what a merge changed.

// A parsed file being altered: any shape, as a hostile tool would treat it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** A file altered and digested again, as a careless or hostile tool might. */
function altered(file: { fileName: string; content: string }, change: (doc: Loose) => void) {
  const doc = JSON.parse(file.content) as Loose;
  change(doc);
  delete doc['digest'];
  return { fileName: file.fileName, content: serialiseReturn({ ...doc, digest: exchangeDigest(doc) }) };
}

function refusal(core: TestCore, file: { fileName: string; content: string }, into?: string): string {
  const result = core.raw('handouts.import', { ...file, ...(into ? { into } : {}) });
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error.message;
}

function rowCounts(core: TestCore): Record<string, number> {
  const tables = core.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (core.store.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

describe('the register hand-out', () => {
  it('gives assessors the board’s ids; a newer register updates it without touching drafts, an older one only adds', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { board: nhs, site, ward } = makeWard(board);
    const bedroom = board.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    board.setNow('2026-11-20T09:00:00Z');
    const first = board.call('handouts.exportRegister', { boardId: nhs.id, wardId: ward.id });
    expect(take(laptop, first)).toMatchObject({ kind: 'register', status: 'imported', added: 4, updated: 0, older: false });
    // The laptop starts its own assessment of the same ward, on the board's ids.
    const draft = startAssessment(laptop, ward.id);
    expect(draft.areas.map((a) => a.areaId)).toEqual([bedroom.id]);

    board.call('wards.update', { id: ward.id, name: 'Test Ward East', type: 'adult_acute', bedCount: 14, sexDesignation: 'mixed' });
    board.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
    board.setNow('2026-11-21T09:00:00Z');
    const newer = board.call('handouts.exportRegister', { boardId: nhs.id, siteId: site.id });
    expect(take(laptop, newer)).toMatchObject({ status: 'imported', added: 1, updated: 1, older: false });
    expect(laptop.call('wards.get', { id: ward.id })).toMatchObject({ name: 'Test Ward East', bedCount: 14 });
    expect(laptop.call('assessments.get', { id: draft.id }).areas.map((a) => a.name)).toEqual(['Bedroom 1']);

    // The first file again, arriving late: nothing is rolled back.
    expect(take(laptop, first)).toMatchObject({ status: 'unchanged', older: true });
    expect(laptop.call('wards.get', { id: ward.id }).name).toBe('Test Ward East');
  });

  it('never moves a record between boards: a site of another board here refuses the whole file', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { board: nhs, site } = makeWard(board);
    const file = board.call('handouts.exportRegister', { boardId: nhs.id });
    const other = laptop.call('boards.create', { name: 'NHS Elsewhere' });
    laptop.store.sqlite.prepare("INSERT INTO sites (id, board_id, name, created_at, updated_at) VALUES (?, ?, 'Elsewhere Site', 't', 't')").run(site.id, other.id);
    const before = rowCounts(laptop);
    expect(refusal(laptop, file)).toContain(`the file's site "Test Site" has the id ${site.id} of a site already here under another board`);
    expect(rowCounts(laptop)).toEqual(before);
  });
});

describe('an assessment hand-out', () => {
  it('is refused, naming them, when it is for another assessment, when it pins other checklist versions, or when this device has another draft of the ward', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { board: nhs, ward } = makeWard(board, { name: 'Heather Ward' });
    const { ward: other } = makeWard(board, { name: 'Birch Ward' });
    const heather = startAssessment(board, ward.id);
    const birch = startAssessment(board, other.id);
    const heatherFile = handOut(board, heather.id);
    takeAssessment(laptop, handOut(board, birch.id));
    expect(refusal(laptop, heatherFile, birch.id)).toContain(`holds the assessment of Heather Ward`);
    expect(refusal(laptop, heatherFile, birch.id)).toContain(`not the one you are merging into (Birch Ward, started for 2026-11-20)`);

    takeAssessment(laptop, heatherFile);
    const repinned = altered(heatherFile, (doc) => {
      doc['assessment'].templates.safety = 'safety@2027.1';
      const entry = doc['templates'].find((t: { key: string }) => t.key === 'safety@2026.1');
      entry.content.version = '2027.1';
      entry.key = 'safety@2027.1';
      entry.version = '2027.1';
    });
    // Its content hash no longer matches, so the file is refused before anything else.
    expect(refusal(laptop, repinned)).toContain('template safety@2027.1');

    const third = createTestCore();
    take(third, board.call('handouts.exportRegister', { boardId: nhs.id, wardId: ward.id }));
    startAssessment(third, ward.id, { assessedOn: '2026-11-22' });
    expect(refusal(third, heatherFile)).toContain('this device already has another draft of that ward (started for 2026-11-22');
  });

  it('never changes an assessment signed off here; a file with nothing new is simply unchanged', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    board.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const assessment = startAssessment(board, ward.id);
    const out = handOut(board, assessment.id);
    takeAssessment(laptop, out);
    answerAll(board, assessment.id);
    board.call('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessment.assessors[0]!.id });
    expect(takeAssessment(board, out)).toMatchObject({ status: 'unchanged' });
    answer(laptop, assessment.id, 'Q01', null, 'D');
    const before = rowCounts(board);
    expect(refusal(board, handOut(laptop, assessment.id))).toMatch(/signed off here on 2026-11-23: a signed-off assessment is never changed\. The changes: Q01 .* \(Ward\)/);
    expect(rowCounts(board)).toEqual(before);
  });

  it('is refused when signed off on another device without changes made here, and this device keeps its draft', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    board.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
    const assessment = startAssessment(board, ward.id);
    takeAssessment(laptop, handOut(board, assessment.id));
    answer(laptop, assessment.id, 'Q01', null, 'D');
    answerAll(board, assessment.id);
    board.call('assessments.signOff', { assessmentId: assessment.id, signedOffBy: assessment.assessors[0]!.id });
    const before = rowCounts(laptop);
    expect(refusal(laptop, handOut(board, assessment.id))).toMatch(/as signed off on .* without changes made on this device after it was handed out: Q01 .*Nothing was merged; this device keeps its draft/);
    expect(rowCounts(laptop)).toEqual(before);
    expect(laptop.call('assessments.get', { id: assessment.id }).status).toBe('draft');
  });

  it('carries photos by content hash: without them a new photo waits, with them it arrives, and bytes travel once', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    const bedroom = board.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const assessment = startAssessment(board, ward.id);
    takeAssessment(laptop, handOut(board, assessment.id));
    const given = answer(laptop, assessment.id, 'Q10', bedroom.id, 'no');
    for (const caption of ['Cracked glazing', 'Same picture, second record']) {
      laptop.call('photos.add', { assessmentId: assessment.id, answerId: given.id, fileName: 'glazing.png', mimeType: 'image/png', dataBase64: ONE_PIXEL_PNG, caption, assessorId: assessment.assessors[0]!.id });
    }
    const without = handOut(laptop, assessment.id, false);
    expect(takeAssessment(board, without)).toMatchObject({ photosMissing: 2 });
    expect(board.call('photos.list', { assessmentId: assessment.id })).toEqual([]);
    const withPhotos = handOut(laptop, assessment.id, true);
    expect((JSON.parse(withPhotos.content) as { photos: unknown[] }).photos).toHaveLength(1);
    expect(takeAssessment(board, withPhotos)).toMatchObject({ photosMissing: 0, taken: 2 });
    expect(board.call('photos.list', { assessmentId: assessment.id }).map((p) => p.caption).sort()).toEqual(['Cracked glazing', 'Same picture, second record']);
  });

  it('records every merged change in the audit log with the device and assessor it came from', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    const assessment = startAssessment(board, ward.id);
    takeAssessment(laptop, handOut(board, assessment.id));
    laptop.call('device.rename', { name: 'Rab’s tablet' });
    const given = answer(laptop, assessment.id, 'Q01', null, 'C');
    takeAssessment(board, handOut(laptop, assessment.id));
    const [entry] = board.call('audit.list', { entityId: given.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'create', entity: 'answer', actor: 'test assessor' });
    expect(entry!.after).toMatchObject({ value: 'C', assessorId: assessment.assessors[0]!.id, mergedFrom: { device: 'Rab’s tablet', file: expect.stringContaining('from-rab-s-tablet') } });
  });
});

describe('removals and edits on two devices', () => {
  /** A ward signed off last round with one ligature point, and this round's draft handed to a laptop. */
  function nextRound() {
    const board = createTestCore();
    const laptop = createTestCore();
    const { round } = wardInItsSecondRound(board);
    const recheck = board.call('rechecks.list', { assessmentId: round.id }).find((r) => r.subject === 'ligature_point')!;
    // The laptop never had last round: the hand-out brings it, so re-checks can be decided there.
    takeAssessment(laptop, handOut(board, round.id));
    expect(laptop.call('rechecks.list', { assessmentId: round.id }).find((r) => r.id === recheck.id)!.previousPoint).toMatchObject({ element: 'Door closer' });
    return { board, laptop, round, recheck, assessorId: round.assessors[0]!.id };
  }

  it('takes the same re-check decided on two devices as one, with one carried-over point', () => {
    const { board, laptop, round, recheck, assessorId } = nextRound();
    board.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', assessorId });
    laptop.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', assessorId });
    expect(takeAssessment(board, handOut(laptop, round.id))).toMatchObject({ conflicts: 0 });
    expect(board.call('ligaturePoints.list', { assessmentId: round.id })).toHaveLength(1);
  });

  it('shows an edit on one device against a removal on the other as a conflict, never a silent loss', () => {
    const { board, laptop, round, recheck, assessorId } = nextRound();
    const decided = board.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', assessorId });
    takeAssessment(laptop, handOut(board, round.id));
    // The laptop updates the carried-over point; the board decides it was removed after all.
    const point = laptop.call('ligaturePoints.list', { assessmentId: round.id }).find((p) => p.id === decided.currentId)!;
    const { id: _id, assessmentId: _a, lineageId: _l, createdAt: _c, updatedAt: _u, ...fields } = point;
    laptop.call('ligaturePoints.update', { ...fields, id: point.id, description: 'Closer still there, arm now boxed in', assessorId });
    board.call('rechecks.decide', { recheckId: recheck.id, outcome: 'removed', assessorId });
    expect(takeAssessment(board, handOut(laptop, round.id))).toMatchObject({ conflicts: 1 });
    const [conflict] = board.call('merge.conflicts', { assessmentId: round.id }).conflicts;
    expect(conflict).toMatchObject({ kind: 'ligature_point', reason: 'edit_and_removal' });
    expect(conflict!.versions.map((v) => (v.deleted ? 'removed' : v.row['description'])).sort()).toEqual(['Closer still there, arm now boxed in', 'removed']);
    // Meanwhile the edited point is kept and shown, so nothing disappears before a person decides.
    expect(board.call('ligaturePoints.list', { assessmentId: round.id }).map((p) => p.description)).toEqual(['Closer still there, arm now boxed in']);
    expect(board.call('assessments.signOffCheck', { assessmentId: round.id }).reasons).toContain('1 conflict between devices is not yet resolved');

    // Keeping the edit: the point stays, and its re-check says "still present" again.
    board.call('merge.resolve', { assessmentId: round.id, kind: 'ligature_point', recordId: conflict!.id, keep: conflict!.versions.find((v) => !v.deleted)!.key });
    expect(board.call('rechecks.list', { assessmentId: round.id }).find((r) => r.id === recheck.id)).toMatchObject({ outcome: 'still_present', currentId: point.id });
    // The laptop, taking the result, agrees.
    expect(takeAssessment(laptop, handOut(board, round.id))).toMatchObject({ conflicts: 0 });
    expect(laptop.call('ligaturePoints.list', { assessmentId: round.id }).map((p) => p.description)).toEqual(['Closer still there, arm now boxed in']);
  });

  it('removes the carried-over point with its re-check when the re-check’s "removed" is chosen', () => {
    const { board, laptop, round, recheck, assessorId } = nextRound();
    takeAssessment(laptop, handOut(board, round.id));
    board.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', assessorId });
    laptop.call('rechecks.decide', { recheckId: recheck.id, outcome: 'removed', note: 'Closer taken off in October', assessorId });
    takeAssessment(board, handOut(laptop, round.id));
    const [conflict] = board.call('merge.conflicts', { assessmentId: round.id }).conflicts;
    expect(conflict!.kind).toBe('recheck');
    expect(conflict!.versions.map((v) => v.row['outcome']).sort()).toEqual(['removed', 'still_present']);
    board.call('merge.resolve', { assessmentId: round.id, kind: 'recheck', recordId: conflict!.id, keep: conflict!.versions.find((v) => v.row['outcome'] === 'removed')!.key });
    expect(board.call('ligaturePoints.list', { assessmentId: round.id })).toEqual([]);
    expect(takeAssessment(laptop, handOut(board, round.id))).toMatchObject({ conflicts: 0 });
    expect(laptop.call('rechecks.list', { assessmentId: round.id }).find((r) => r.id === recheck.id)).toMatchObject({ outcome: 'removed', note: 'Closer taken off in October' });
  });

  it('keeps a point removed on one device while the other added an action to it, until a person decides', () => {
    const { board, laptop, round, recheck, assessorId } = nextRound();
    const decided = board.call('rechecks.decide', { recheckId: recheck.id, outcome: 'still_present', assessorId });
    takeAssessment(laptop, handOut(board, round.id));
    laptop.call('actions.create', { assessmentId: round.id, ligaturePointId: decided.currentId!, type: 'remove', description: 'Take the closer off', owner: 'Estates', dueDate: '2027-01-31', priority: 'high', status: 'open' });
    board.call('rechecks.decide', { recheckId: recheck.id, outcome: 'removed', assessorId });
    takeAssessment(board, handOut(laptop, round.id));
    const { conflicts } = board.call('merge.conflicts', { assessmentId: round.id });
    const kept = conflicts.find((c) => c.kind === 'ligature_point')!;
    expect(kept.reason).toBe('removed_but_used');
    expect(kept.usedBy.map((u) => u.label)).toEqual(['Action “Take the closer off” on ligature point Door closer']);
    expect(board.call('ligaturePoints.list', { assessmentId: round.id })).toHaveLength(1);
    board.call('merge.resolve', { assessmentId: round.id, kind: 'ligature_point', recordId: kept.id, keep: 'restore' });
    expect(board.call('merge.conflicts', { assessmentId: round.id }).conflicts).toEqual([]);
    expect(board.call('rechecks.list', { assessmentId: round.id }).find((r) => r.id === recheck.id)).toMatchObject({ outcome: 'still_present', currentId: kept.id });
  });
});

describe('areas added on the spot on two devices', () => {
  it('are flagged as a probable duplicate until kept apart (sign-off waits)', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    const assessment = startAssessment(board, ward.id);
    takeAssessment(laptop, handOut(board, assessment.id));
    board.call('assessments.addArea', { assessmentId: assessment.id, type: 'bedroom', name: 'Bedroom 9', supervisionTier: 3 });
    const theirs = laptop.call('assessments.addArea', { assessmentId: assessment.id, type: 'bedroom', name: 'Bedroom 9', supervisionTier: 3 });
    expect(takeAssessment(board, handOut(laptop, assessment.id))).toMatchObject({ conflicts: 0 });
    const { duplicates } = board.call('merge.conflicts', { assessmentId: assessment.id });
    expect(duplicates).toEqual([expect.objectContaining({ name: 'Bedroom 9', type: 'bedroom' })]);
    expect(duplicates[0]!.areas).toHaveLength(2);
    // The register keeps names unique: the second one arrived under a name told apart.
    expect(board.call('areas.list', { wardId: ward.id }).map((a) => a.name).sort()).toEqual(['Bedroom 9', 'Bedroom 9 (2)']);
    expect(board.call('assessments.signOffCheck', { assessmentId: assessment.id }).reasons).toContain('1 pair of areas added on two devices under one name is not yet settled');
    board.call('merge.renameArea', { assessmentId: assessment.id, areaId: theirs.area.id, name: 'Bedroom 10' });
    expect(board.call('merge.conflicts', { assessmentId: assessment.id }).duplicates).toEqual([]);
    expect(takeAssessment(laptop, handOut(board, assessment.id))).toMatchObject({ conflicts: 0, duplicates: 0 });
    expect(laptop.call('assessments.get', { id: assessment.id }).areas.map((a) => a.name).sort()).toEqual(['Bedroom 10', 'Bedroom 9']);
  });
});

describe('a hostile hand-out file', () => {
  it('is refused whole, naming the problem, even with its digest made to match', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    const bedroom = board.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
    const assessment = startAssessment(board, ward.id);
    answer(board, assessment.id, 'Q10', bedroom.id, 'no');
    answer(board, assessment.id, 'Q01', null, 'B');
    const file = handOut(board, assessment.id);
    const answerRecord = (doc: Loose) => doc['records'].find((r: Loose) => r['kind'] === 'answer');
    const cases: [string, (doc: Loose) => void, string][] = [
      ['a version superseding another of the same record', (doc) => {
        const record = answerRecord(doc);
        record.versions.push({ ...record.versions[0], clock: Object.fromEntries(Object.entries(record.versions[0].clock as Record<string, number>).map(([d, n]) => [d, n + 1])), row: { ...record.versions[0].row, note: 'later' } });
      }, 'lists a version that another of its versions supersedes'],
      ['a version of another record', (doc) => {
        const [first, second] = doc['records'].filter((r: Loose) => r['kind'] === 'answer');
        first.versions[0].row = second.versions[0].row;
      }, 'has a version of another record'],
      ['a change from a device the file does not name', (doc) => {
        answerRecord(doc).versions[0].clock = { '00000000-0000-4000-8000-000000000000': 1 };
      }, 'which the file does not name'],
      ['an answer in an area of another ward', (doc) => {
        const row = doc['records'].find((r: Loose) => r['kind'] === 'answer' && r['versions'][0]['row']['areaId']).versions[0].row;
        row.areaId = '00000000-0000-4000-8000-000000000001';
      }, 'which is not an area of'],
      ['the assessment itself removed', (doc) => {
        doc['records'].find((r: Loose) => r['kind'] === 'assessment').versions[0].deleted = true;
      }, 'says the assessment itself was removed'],
      ['a board’s return under the hand-out envelope', (doc) => {
        doc['format'] = 'mhea-exchange';
      }, 'is a board’s return, not a hand-out file'],
    ];
    const before = rowCounts(laptop);
    for (const [what, change, message] of cases) {
      expect(refusal(laptop, altered(file, change)), what).toContain(message);
    }
    expect(rowCounts(laptop)).toEqual(before);
  });

  it('is read as safely as a return: size, nesting, prototype keys, format version and plain garbage, each named', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    const assessment = startAssessment(board, ward.id);
    answer(board, assessment.id, 'Q01', null, 'B');
    const file = handOut(board, assessment.id);
    const answerRow = (doc: Loose) => doc['records'].find((r: Loose) => r['kind'] === 'answer').versions[0].row;
    const cases: [string, string, RegExp][] = [
      ['huge.json', ' '.repeat(50 * 1024 * 1024 + 1), /^huge\.json: is 50\.0 MB, larger than the 50 MB/],
      ['deep.json', altered(file, (doc) => (answerRow(doc).note = JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown)).content, /^deep\.json: nests deeper than 32 levels at \$\.records/],
      ['proto.json', file.content.replace('"format"', '"__proto__": {"polluted": true}, "format"'), /^proto\.json: contains the forbidden key "__proto__" at \$/],
      ['version.json', altered(file, (doc) => (doc['formatVersion'] = 2)).content, /^version\.json: uses hand-out format version 2, which this app does not know \(it reads version 1\)/],
      ['garbage.json', 'PK\u0003\u0004 not a hand-out at all', /^garbage\.json: is not valid JSON \(the file may be truncated or damaged\)/],
      ['empty.json', '', /^empty\.json: is not valid JSON/],
    ];
    const before = rowCounts(laptop);
    for (const [fileName, content, message] of cases) {
      const result = laptop.raw('handouts.import', { fileName, content });
      expect(result.ok, fileName).toBe(false);
      if (!result.ok) {
        expect(result.error.code, fileName).not.toBe('INTERNAL');
        expect(result.error.message, fileName).toMatch(message);
      }
    }
    expect(({} as Loose)['polluted']).toBeUndefined();
    expect(rowCounts(laptop)).toEqual(before);
  });
});

describe('the same room added on two devices', () => {
  it('is merged into one: answers move, the same answer counts once, a different one waits as a conflict, and the other device agrees', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { ward } = makeWard(board);
    const assessment = startAssessment(board, ward.id);
    takeAssessment(laptop, handOut(board, assessment.id));
    const ours = board.call('assessments.addArea', { assessmentId: assessment.id, type: 'bedroom', name: 'Bedroom 9', supervisionTier: 3 }).area;
    const theirs = laptop.call('assessments.addArea', { assessmentId: assessment.id, type: 'bedroom', name: 'Bedroom 9', supervisionTier: 3 }).area;
    answer(board, assessment.id, 'Q10', ours.id, 'yes');
    answer(board, assessment.id, 'Q14', ours.id, 'partial');
    answer(laptop, assessment.id, 'Q10', theirs.id, 'no');
    answer(laptop, assessment.id, 'Q14', theirs.id, 'partial');
    const point = laptop.call('ligaturePoints.create', { assessmentId: assessment.id, areaId: theirs.id, itemId: 'L01', element: 'Window handle', heightBand: 'knee_to_head', tier: 3, description: 'Lever handle', controls: [{ kind: 'physical_modification', description: 'Anti-ligature handle ordered' }], likelihoodBefore: 4, severityBefore: 4, likelihoodAfter: 2, severityAfter: 4, assessorId: assessment.assessors[0]!.id });
    takeAssessment(board, handOut(laptop, assessment.id));
    expect(board.call('merge.conflicts', { assessmentId: assessment.id }).duplicates).toHaveLength(1);

    board.call('merge.combineAreas', { assessmentId: assessment.id, keepAreaId: ours.id, removeAreaId: theirs.id });
    expect(board.call('assessments.get', { id: assessment.id }).areas.map((a) => a.areaId)).toEqual([ours.id]);
    const { conflicts, duplicates } = board.call('merge.conflicts', { assessmentId: assessment.id });
    expect(duplicates).toEqual([]);
    expect(conflicts.map((c) => [c.itemId, c.where, c.versions.map((v) => v.row['value']).sort()])).toEqual([['Q10', 'Bedroom 9', ['no', 'yes']]]);
    expect(board.call('answers.list', { assessmentId: assessment.id }).filter((a) => a.areaId === theirs.id)).toEqual([]);
    expect(board.call('ligaturePoints.list', { assessmentId: assessment.id }).find((p) => p.id === point.id)!.areaId).toBe(ours.id);
    expect(board.call('areas.list', { wardId: ward.id }).map((a) => a.id)).toEqual([ours.id]);

    // The laptop takes the result: one Bedroom 9, the same conflict, nothing left behind.
    expect(takeAssessment(laptop, handOut(board, assessment.id))).toMatchObject({ conflicts: 1, duplicates: 0 });
    expect(laptop.call('assessments.get', { id: assessment.id }).areas.map((a) => a.areaId)).toEqual([ours.id]);
    expect(laptop.call('answers.list', { assessmentId: assessment.id }).filter((a) => a.areaId === theirs.id)).toEqual([]);
  });
});

describe('a hand-out file reusing an id', () => {
  it('is refused whole as ALREADY_EXISTS, naming the record, when a record takes the id of another assessment’s', () => {
    const board = createTestCore();
    const laptop = createTestCore();
    const { round } = wardInItsSecondRound(board);
    const bedroom = round.areas.find((a) => a.type === 'bedroom')!;
    const point = board.call('ligaturePoints.create', { assessmentId: round.id, areaId: bedroom.areaId, itemId: 'L02', element: 'Curtain rail', heightBand: 'above_head', tier: 3, description: 'Rail', controls: [{ kind: 'physical_modification', description: 'Collapsible rail' }], likelihoodBefore: 4, severityBefore: 4, likelihoodAfter: 2, severityAfter: 4, assessorId: round.assessors[0]!.id });
    const file = handOut(board, round.id);
    const previousPoint = (JSON.parse(file.content) as Loose)['previousRound']['assessments'][0]['ligaturePoints'][0]['id'] as string;
    const forged = altered({ ...file, content: file.content.replaceAll(point.id, previousPoint) }, () => undefined);
    const before = rowCounts(laptop);
    const result = laptop.raw('handouts.import', forged);
    expect(result).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(result.ok ? '' : result.error.message).toContain(`the ligature point ${previousPoint} is already here in another assessment`);
    expect(rowCounts(laptop)).toEqual(before);
  });
});
