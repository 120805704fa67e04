import { beforeAll, describe, expect, it } from 'vitest';
import { exchangeDigest } from '../../src/core/services/exchange/digest';
import { contentHash } from '../../src/core/services/templates';
import { serialiseReturn } from '../../src/shared/exchange';
import type { ExchangeDocument } from '../../src/shared/exchange/schema';
import { createTestCore, type TestCore } from '../helpers/core';
import { assessWard, dumpStore, sampleBoard } from '../helpers/exchange';

// A corpus of bad returns, made here from a good one. Each must be refused with a message that
// names the file and its own problem, and leave the collator's database exactly as it was.

type Doc = ExchangeDocument & Record<string, unknown>;
type Mutable = Record<string, unknown>;

let good: Doc;
let goodText: string;
let withDrafts: Doc;
let collator: TestCore;
/** Another board's return (two rounds of one ward, so it has re-checks), already imported by the collator. */
let other: Doc;

beforeAll(() => {
  const source = createTestCore();
  const { board } = sampleBoard(source);
  good = source.call('exchange.export', { boardId: board.id }) as Doc;
  goodText = serialiseReturn(good);
  withDrafts = source.call('exchange.export', { boardId: board.id, includeDrafts: true }) as Doc;
  source.close();
  // The collator already holds another board's return, so "unchanged" means something.
  collator = createTestCore();
  const otherCore = createTestCore();
  const { board: otherBoard, wards: otherWards } = sampleBoard(otherCore, 'NHS Other Board');
  assessWard(otherCore, otherWards[0]!.id, 0, '2027/28', '2027-11-20', '2027-11-21T16:30:00.000Z');
  other = otherCore.call('exchange.export', { boardId: otherBoard.id }) as Doc;
  collator.call('exchange.import', { fileName: 'other.json', content: serialiseReturn(other) });
  otherCore.close();
});

/** A deep copy of the good return, changed by `change`, with its digest recomputed (unless told not to). */
function altered(change: (doc: Mutable) => void, options: { keepDigest?: boolean; from?: Doc } = {}): string {
  const doc = structuredClone(options.from ?? good) as unknown as Mutable;
  change(doc);
  if (!options.keepDigest) doc['digest'] = exchangeDigest(doc);
  return serialiseReturn(doc);
}

const assessment = (doc: Mutable, index = 0) => (doc['assessments'] as Mutable[])[index]!;

const CORPUS: [string, () => string, RegExp][] = [
  // Cut inside a string, so its message differs from the empty file's.
  ['truncated.json', () => goodText.slice(0, goodText.indexOf('"board"') + 4), /^truncated\.json: is not valid JSON \(the file may be truncated or damaged\)/],
  ['empty.json', () => '', /^empty\.json: is not valid JSON/],
  ['not-a-return.json', () => JSON.stringify({ hello: 'world' }), /^not-a-return\.json: is not an exchange file of this app/],
  ['version-2.json', () => altered((d) => (d['formatVersion'] = 2)), /^version-2\.json: uses exchange format version 2, which this app does not know \(it reads version 1\)$/],
  ['wrong-types.json', () => altered((d) => ((d['wards'] as Mutable[])[0]!['bedCount'] = 'twenty')), /^wrong-types\.json: does not match the exchange format: wards\.0\.bedCount: /],
  ['unknown-field.json', () => altered((d) => ((d['board'] as Mutable)['secret'] = 'x')), /^unknown-field\.json: does not match the exchange format: board: Unrecognized key: "secret"/],
  ['oversized-string.json', () => altered((d) => (assessment(d)['signedOffBy'] = 'x'.repeat(100_000))), /^oversized-string\.json: does not match the exchange format: assessments\.0\.signedOffBy: Too big/],
  // A later assessment and a field after the assessments, each out of shape, with a wrong register field before them: named in file order, as one check of the whole file names them.
  [
    'several-faults.json',
    () =>
      altered((d) => {
        (d['wards'] as Mutable[])[0]!['bedCount'] = 'twenty';
        assessment(d, 1)['round'] = 'next year';
        d['signature'] = { algorithm: 'RSA' };
      }),
    /^several-faults\.json: does not match the exchange format: wards\.0\.bedCount: .*; assessments\.1\.round: Must be a round such as 2026\/27; signature\.algorithm: .* \(and \d+ more\)$/,
  ],
  ['tampered.json', () => altered((d) => ((d['wards'] as Mutable[])[0]!['bedCount'] = 2), { keepDigest: true }), /^tampered\.json: digest does not match its content \(file altered after export\)$/],
  [
    'altered-score.json',
    () => altered((d) => (((assessment(d)['scores'] as Mutable)['result'] as Mutable)['quality'] as Mutable)['rating'] = 'red'),
    /^altered-score\.json: the scores declared for .* \(round 2026\/27, assessment [0-9a-f-]+\) do not follow from its answers: scores\.quality\.rating: declared "red", computed "(green|amber)"$/,
  ],
  [
    'altered-answer.json',
    () =>
      altered((d) => {
        const answer = (assessment(d)['answers'] as Mutable[]).find((a) => a['value'] === 'partial')!;
        answer['value'] = 'yes';
      }),
    /^altered-answer\.json: the scores declared for .* do not follow from its answers: scores\.quality\./,
  ],
  ['duplicate-site.json', () => altered((d) => (d['sites'] as Mutable[]).push({ ...(d['sites'] as Mutable[])[0]! })), /^duplicate-site\.json: the site id [0-9a-f-]+ is used twice$/],
  ['duplicate-answer.json', () => altered((d) => (assessment(d)['answers'] as Mutable[]).push({ ...(assessment(d)['answers'] as Mutable[])[0]! })), /^duplicate-answer\.json: the answer id [0-9a-f-]+:[A-Z0-9]+:\S+ is used twice$/],
  ['proto.json', () => goodText.replace('"board": {', '"board": {\n    "__proto__": { "isAdmin": true },'), /^proto\.json: contains the forbidden key "__proto__" at \$\.board$/],
  ['constructor.json', () => goodText.replace('"includes": {', '"includes": {\n    "constructor": { "prototype": {} },'), /^constructor\.json: contains the forbidden key "constructor" at \$\.includes$/],
  ['template-hash.json', () => altered((d) => ((d['templates'] as Mutable[])[0]!['contentHash'] = 'a'.repeat(64))), /^template-hash\.json: template \S+@2026\.1: its content does not match its content hash a{64} \(an unknown or altered template\)$/],
  [
    'template-altered.json',
    () => altered((d) => (((d['templates'] as Mutable[]).find((t) => t['domain'] === 'safety')!['content'] as Mutable)['title'] = 'A quietly different safety checklist')),
    /^template-altered\.json: template safety@2026\.1: its content does not match its content hash/,
  ],
  [
    'template-twin.json',
    () =>
      altered((d) => {
        const entry = (d['templates'] as Mutable[]).find((t) => t['domain'] === 'therapeutic')!;
        (entry['content'] as Mutable)['title'] = 'A locally reworded therapeutic checklist';
        entry['contentHash'] = contentHash(entry['content'] as Parameters<typeof contentHash>[0]);
      }),
    /^template-twin\.json: template therapeutic@2026\.1 is already installed here with different content$/,
  ],
  ['template-missing.json', () => altered((d) => (d['templates'] = (d['templates'] as Mutable[]).filter((t) => t['domain'] !== 'quality'))), /^template-missing\.json: assessment [0-9a-f-]+ pins template quality@2026\.1, which the file does not carry$/],
  ['foreign-area.json', () => altered((d) => (((assessment(d)['ligaturePoints'] as Mutable[])[0]!['areaId'] = (d['areas'] as Mutable[]).find((a) => a['wardId'] !== assessment(d)['wardId'])!['id']))), /^foreign-area\.json: ligature point [0-9a-f-]+ names an area that was not part of the assessment$/],
  [
    'tier-without-reason.json',
    () => altered((d) => ((d['areas'] as Mutable[]).find((a) => a['type'] === 'bedroom')!['supervisionTier'] = 1)),
    /^tier-without-reason\.json: area Bedroom 1 \([0-9a-f-]+\) is tier 1 instead of its type's default tier 3 without a reason$/,
  ],
  ['draft.json', () => serialiseReturn(withDrafts), /^draft\.json: assessment [0-9a-f-]+ is a draft: only signed-off assessments can be collated/],
  // A signed-off assessment that breaks what the app's sign-off enforces (scoring method 7.2).
  [
    'undecided-recheck.json',
    () => altered((d) => (assessment(d)['rechecks'] as Mutable[]).push({ id: crypto.randomUUID(), subject: 'action', previousId: crypto.randomUUID(), lineageId: crypto.randomUUID(), outcome: null, currentId: null, note: null, assessorId: null, decidedAt: null })),
    /^undecided-recheck\.json: .* \(round 2026\/27, assessment [0-9a-f-]+\) is signed off but breaks the sign-off rule "undecided_rechecks": 1 re-check from the previous round is not yet decided\. The app's own sign-off refuses this$/,
  ],
  ['future-date.json', () => altered((d) => (assessment(d)['assessedOn'] = '2026-11-25')), /^future-date\.json: .* breaks the sign-off rule "future_date": the assessment is dated 2026-11-25, after the day it is signed off \(2026-11-21\)/],
  ['round-mismatch.json', () => altered((d) => (assessment(d)['round'] = '2025/26')), /^round-mismatch\.json: .* breaks the sign-off rule "round_mismatch": the round is 2025\/26, but 2026-11-20 falls in the financial year 2026\/27/],
  [
    'risk-without-point.json',
    () => altered((d) => ((assessment(d)['answers'] as Mutable[]).find((a) => a['itemId'] === 'L02')!['value'] = 'risk_present')),
    /^risk-without-point\.json: .* breaks the sign-off rule "risk_without_point": L02: a risk is noted here but no ligature point is recorded for it/,
  ],
  [
    'na-without-reason.json',
    () => altered((d) => Object.assign((assessment(d)['answers'] as Mutable[]).find((a) => a['itemId'] === 'L02')!, { value: 'na', naReason: null })),
    // The N/A without its reason is not an answer (the ligature domain is incomplete), and is listed.
    /^na-without-reason\.json: .* breaks the sign-off rule "incomplete": ligature is 87\.5% complete \(7 of 8 answered\); its checklist needs 100% \(and 1 more\)/,
  ],
  ['point-tier-without-reason.json', () => altered((d) => ((assessment(d)['ligaturePoints'] as Mutable[])[0]!['tier'] = 2)), /^point-tier-without-reason\.json: .* breaks the sign-off rule "tier_below_area": Door closer: recorded at tier 2, below its area's tier 3, with no reason/],
  [
    'unconfirmed-other.json',
    () => altered((d) => ((assessment(d)['ligaturePoints'] as Mutable[])[0]!['controls'] = [{ kind: 'other', description: 'Closer boxed in by a fixed panel' }])),
    /^unconfirmed-other\.json: .* breaks the sign-off rule "other_control_unconfirmed": Door closer: a high or extreme risk rests on an "other" control alone; the lead must confirm it/,
  ],
  [
    'old-engine.json',
    () => altered((d) => ((assessment(d)['scores'] as Mutable)['engine'] = 'mhea-scoring/1')),
    /^old-engine\.json: .* \(round 2026\/27, assessment [0-9a-f-]+\) was signed off with the scores of engine mhea-scoring\/1\. This app runs mhea-scoring\/2 .* The board should assess the ward again under method 2/,
  ],
  ['deep.json', () => altered((d) => (assessment(d)['note'] = JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown)), /^deep\.json: nests deeper than 32 levels at \$\.assessments\[0\]\.note/],
  ['huge.json', () => ' '.repeat(50 * 1024 * 1024 + 1), /^huge\.json: is 50\.0 MB, larger than the 50 MB an exchange file may be$/],
];

/** The good return with some of its ids replaced everywhere they occur (its digest recomputed): a forgery that holds together. */
function withIds(pairs: [string, string][], change: (doc: Mutable) => void = () => undefined): string {
  let text = JSON.stringify(good);
  for (const [from, to] of pairs) text = text.replaceAll(from, to);
  const doc = JSON.parse(text) as Mutable;
  change(doc);
  doc['digest'] = exchangeDigest(doc);
  return serialiseReturn(doc);
}

const firstOf = (doc: Doc, list: 'ligaturePoints' | 'actions' | 'assessors') => (doc.assessments[0]![list][0] as { id: string }).id;
const ID = '[0-9a-f-]{36}';

// Returns that pass every check the file allows on its own, but take ids of records the collator
// already holds under another board, site, ward or assessment. Each is refused whole, naming the
// record and where it is; nothing is moved, renamed or written.
const FORGED: [string, () => string, RegExp][] = [
  [
    'site-of-another-board.json',
    () => withIds([[good.sites[0]!.id, other.sites[0]!.id]]),
    new RegExp(`^site-of-another-board\\.json: the file's site ".+" has the id ${ID} of a site already here under another board: ".+" in board "NHS Other Board" \\(id ${ID}\\), where the file says board "NHS Exchange Test" \\(id ${ID}\\)\\. An import never moves a record to another board: nothing from the file was written\\.$`),
  ],
  [
    'ward-of-another-site.json',
    () => withIds([[good.wards[0]!.id, other.wards[0]!.id]]),
    new RegExp(`^ward-of-another-site\\.json: the file's ward ".+" has the id ${ID} of a ward already here under another site: ".+" in site ".+" \\(id ${ID}\\), where the file says site ".+" \\(id ${ID}\\)\\. An import never moves a record to another site`),
  ],
  ['area-of-another-ward.json', () => withIds([[good.areas[0]!.id, other.areas[0]!.id]]), /^area-of-another-ward\.json: the file's area ".+" has the id [0-9a-f-]{36} of an area already here under another ward: ".+" in ward ".+" \(id [0-9a-f-]{36}\), where the file says ward/],
  [
    'ligature-point-here.json',
    () => withIds([[firstOf(good, 'ligaturePoints'), firstOf(other, 'ligaturePoints')]]),
    new RegExp(`^ligature-point-here\\.json: ligature point ${ID} is already here, in the assessment of [^(]+ \\(round \\d{4}/\\d{2}, assessment ${ID}\\)\\. Ids never repeat between records`),
  ],
  ['action-here.json', () => withIds([[firstOf(good, 'actions'), firstOf(other, 'actions')]]), /^action-here\.json: action [0-9a-f-]{36} is already here, in the assessment of [^(]+ \(round/],
  ['assessor-here.json', () => withIds([[firstOf(good, 'assessors'), firstOf(other, 'assessors')]]), /^assessor-here\.json: assessor [0-9a-f-]{36} is already here, in the assessment of [^(]+ \(round/],
  [
    're-check-here.json',
    () =>
      withIds([], (doc) => {
        const taken = other.assessments.flatMap((a) => a.rechecks)[0]!;
        const mine = assessment(doc);
        (mine['rechecks'] as Mutable[]).push({ ...taken, assessorId: (mine['assessors'] as Mutable[])[0]!['id'], currentId: null });
      }),
    /^re-check-here\.json: re-check [0-9a-f-]{36} is already here, in the assessment of [^(]+ \(round 2027\/28/,
  ],
];

describe('refusing forged returns', () => {
  it.each(FORGED)('refuses %s, naming the record already here, and writes nothing', (fileName, make, expected) => {
    const before = dumpStore(collator);
    const content = make();
    // Nothing in the file alone is wrong: only this database can tell.
    expect(collator.call('exchange.verify', { fileName, content })).toMatchObject({ ok: true });
    const result = collator.raw('exchange.import', { fileName, content });
    expect(result).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(!result.ok && result.error.message).toMatch(expected);
    expect(dumpStore(collator)).toBe(before);
  });

  it('refuses a string holding half of a two-part character (a \\ud800 escape), saying where', () => {
    const before = dumpStore(collator);
    const broken = collator.raw('exchange.import', { fileName: 'surrogate.json', content: goodText.replace('"name": "NHS Exchange Test"', '"name": "NHS Exchange Test \\ud800"') });
    expect(!broken.ok && broken.error.message).toBe('surrogate.json: contains a broken character (half of a two-part Unicode character) at $.board.name');
    expect(dumpStore(collator)).toBe(before);
  });
});

describe('refusing bad returns', () => {
  it.each(CORPUS)('refuses %s with its own message and writes nothing', (fileName, make, expected) => {
    const before = dumpStore(collator);
    const result = collator.raw('exchange.import', { fileName, content: make() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toMatch(expected);
    expect(dumpStore(collator)).toBe(before);
  });

  it('gives every bad file a different message', () => {
    const messages = CORPUS.map(([fileName, make]) => {
      const result = collator.raw('exchange.import', { fileName: 'same-name.json', content: make() });
      expect(result.ok, fileName).toBe(false);
      return result.ok ? '' : result.error.message;
    });
    expect(messages.filter((m, i) => messages.indexOf(m) !== i)).toEqual([]);
    expect(new Set(messages).size).toBe(CORPUS.length);
  });

  it('verify refuses the same files without a database, except a template that clashes with one installed here', () => {
    for (const [fileName, make] of CORPUS) {
      const result = collator.raw('exchange.verify', { fileName, content: make() }) as { ok: true; data: { ok: boolean; problem: string | null } };
      expect(result.data.ok, fileName).toBe(fileName === 'template-twin.json');
    }
  });

  it('refuses a board that clashes by name with a different board here, writing nothing', () => {
    const clash = createTestCore();
    clash.call('boards.create', { name: good.board.name });
    const before = dumpStore(clash);
    const result = clash.raw('exchange.import', { fileName: 'returns-clash.json', content: goodText });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!result.ok && result.error.message).toMatch(/^returns-clash\.json: a different board called "NHS Exchange Test" \(id [0-9a-f-]+\) is already here/);
    expect(dumpStore(clash)).toBe(before);
  });

  it('refuses an assessment that is already here with different content', () => {
    const here = createTestCore();
    here.call('exchange.import', { fileName: 'first.json', content: goodText });
    const before = dumpStore(here);
    const changed = altered((d) => ((assessment(d)['answers'] as Mutable[])[0]!['note'] = 'Added after sign-off'));
    const result = here.raw('exchange.import', { fileName: 'changed.json', content: changed });
    expect(!result.ok && result.error.message).toMatch(/^changed\.json: assessment [0-9a-f-]+ \(round 2026\/27\) is already here with different content; a signed-off assessment never changes$/);
    expect(dumpStore(here)).toBe(before);
  });
});
