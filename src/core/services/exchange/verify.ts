import type { z } from 'zod';
import { canonicalJson, sameJson } from '../../../shared/canonical-json';
import { defaultTierFor } from '../../../shared/domain/estate';
import {
  EXCHANGE_FORMAT,
  ExchangeAssessment,
  ExchangeDocument,
  ExchangeDocumentShell,
  KNOWN_EXCHANGE_VERSIONS,
  type ExchangeTemplate,
} from '../../../shared/exchange/schema';
import { buildScoringInput } from '../../../shared/exchange/scoring-input';
import { londonDateOf } from '../../../shared/dates';
import { SCORING_ENGINE_VERSION, SCORING_METHOD_VERSION, scoreWard, signOffProblems, type PinnedTemplates, type WardScores } from '../../../shared/scoring';
import { DOMAINS, type Template } from '../../../shared/templates';
import { AppError } from '../../errors';
import { contentHash } from '../templates';
import type { DbOrTx } from '../../context';
import { signatureProblem } from '../signing/crypto';
import { checkSigner, type Signer } from '../signing/register';
import { keyLabel } from '../../../shared/exchange/signature';
import { parsedExchangeDigest, sha256Hex } from './digest';
import { parseUntrustedJson } from './safe-json';

// Everything that can be checked about an exchange file without a database: it is JSON, safe,
// of a version we read, in the schema, unaltered since export (digest), its templates are the
// ones it says (content hashes), it hangs together (ids unique, references inside the file), and
// every declared score is what this engine computes from the answers with the pinned templates.
// Import makes exactly these checks (a return laid out as this app writes it one assessment at a
// time, rolling back at the first that fails: import-return.ts); `verify` runs them alone.

export class ExchangeRefusal extends AppError {
  constructor(
    readonly fileName: string,
    readonly problem: string,
    readonly checks: string[],
    /** ALREADY_EXISTS when an id in the file is taken here by another record; otherwise the file is at fault. */
    code: 'VALIDATION' | 'ALREADY_EXISTS' = 'VALIDATION',
  ) {
    // A fault in the file's content is named as that field, so every door can show it there.
    super(code, `${fileName}: ${problem}`, code === 'VALIDATION' ? [{ path: ['content'], message: problem }] : undefined);
    this.name = 'ExchangeRefusal';
  }
}

export interface VerifiedReturn {
  document: ExchangeDocument;
  /** The templates the file carries, parsed, by key. */
  templates: Map<string, Template>;
  /** What was checked, in order, in words (for `verify`). */
  checks: string[];
  /** Each assessment's scores as this engine computed them from the file (equal to those it declares). */
  scores: Map<string, WardScores>;
}

export function verifyReturn(fileName: string, content: string): VerifiedReturn {
  const parsed = parseUntrustedJson(content);
  if (!parsed.ok) throw new ExchangeRefusal(fileName, parsed.problem, []);
  return verifyReturnDocument(fileName, parsed.value, ['Readable JSON, no forbidden keys, nesting within limits'], parsed.canonicalOrder);
}

/**
 * Every check of verifyReturn after reading the JSON (also used for a return carried inside a
 * hand-out file). `canonicalOrder`: parseUntrustedJson found `raw` in canonical order (see there).
 */
export function verifyReturnDocument(fileName: string, raw: unknown, checks: string[] = [], canonicalOrder = false): VerifiedReturn {
  const refuse = (problem: string): never => {
    throw new ExchangeRefusal(fileName, problem, checks);
  };

  checks.push(checkFormat(raw, refuse));

  // The digest first: a file changed after export is told so, whatever the change broke.
  const declaredDigest = (raw as Record<string, unknown>)['digest'];
  if (typeof declaredDigest === 'string' && parsedExchangeDigest(raw as { digest?: unknown }, canonicalOrder) !== declaredDigest) {
    return refuse('digest does not match its content (file altered after export)');
  }

  const document = parseExchangeDocument(raw, refuse);
  checks.push('Matches the exchange schema');
  checks.push(`Digest sha256:${document.digest} matches the content`);
  if (document.signature) {
    const problem = signatureProblem(document.digest, document.signature);
    if (problem) return refuse(problem);
    checks.push(`Signature by key ${keyLabel(document.signature.keyId)} is valid for this content`);
  }

  const templates = checkTemplates(document.templates, refuse);
  checks.push(`${templates.size} template version${templates.size === 1 ? '' : 's'} match their content hashes`);

  checkConsistency(document, templates, refuse);
  checks.push('Ids are unique and every reference points inside the file');

  if (document.scoringEngine !== SCORING_ENGINE_VERSION) {
    return refuse(`was written by an app running scoring engine ${document.scoringEngine}; this app runs ${SCORING_ENGINE_VERSION} (scoring method ${SCORING_METHOD_VERSION}) and cannot confirm its scores. Export the return again from an app that runs ${SCORING_ENGINE_VERSION}`);
  }
  const wards = new Map(document.wards.map((w) => [w.id, w]));
  const computed = new Map<string, WardScores>();
  for (const assessment of document.assessments) computed.set(assessment.id, checkScores(assessment, wards, templates, refuse));
  checks.push(`Every signed-off assessment meets the sign-off rules (completeness, re-checks decided, each risk with its point, reasons given, dates and rounds)`);
  checks.push(`Re-scored ${document.assessments.length} assessment${document.assessments.length === 1 ? '' : 's'} from their answers with their pinned templates: every declared score matches (${SCORING_ENGINE_VERSION})`);
  return { document, templates, checks, scores: computed };
}

/**
 * The file checked against the exchange schema without holding a second copy of it (zod's output
 * is a copy, as large again as the parsed file): the register, templates and signature as the
 * schema gives them; each assessment checked on its own and kept as read, its checked copy
 * dropped at once. The assessment schemas change nothing they accept (a unit test holds them to
 * that), so what is kept is what the schema would give, except a photo's mark-up, whose label the
 * schema trims: an assessment with photos keeps the schema's output. A file that does not fit is
 * checked whole, so a refusal names the same places as a whole-file check always has.
 */
function parseExchangeDocument(raw: unknown, refuse: (problem: string) => never): ExchangeDocument {
  const shell = ExchangeDocumentShell.safeParse(raw);
  if (shell.success) {
    const assessments: ExchangeAssessment[] = [];
    for (const read of shell.data.assessments) {
      const checked = checkedAssessment(read);
      if (!checked) break;
      assessments.push(checked);
    }
    if (assessments.length === shell.data.assessments.length) return { ...shell.data, assessments };
  }
  return parseOrRefuse(ExchangeDocument, raw, 'the exchange format', refuse);
}

/** An assessment read from a file, if the exchange schema accepts it: as read, or the schema's output when it has photos (see parseExchangeDocument). */
export function checkedAssessment(read: unknown): ExchangeAssessment | null {
  const checked = ExchangeAssessment.safeParse(read);
  if (!checked.success) return null;
  return checked.data.photos?.length ? checked.data : (read as ExchangeAssessment);
}

/** A file's format and version, checked before anything else; the check in words. */
export function checkFormat(raw: unknown, refuse: (problem: string) => never): string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as Record<string, unknown>)['format'] !== EXCHANGE_FORMAT) {
    return refuse(`is not an exchange file of this app (it has no "format": "${EXCHANGE_FORMAT}")`);
  }
  const version = (raw as Record<string, unknown>)['formatVersion'];
  if (typeof version !== 'number' || !KNOWN_EXCHANGE_VERSIONS.includes(version)) {
    return refuse(`uses exchange format version ${JSON.stringify(version)}, which this app does not know (it reads version ${KNOWN_EXCHANGE_VERSIONS.join(', ')})`);
  }
  return `Format ${EXCHANGE_FORMAT} version ${version}`;
}

/**
 * An assessment's scores as this engine computes them from the file, once its records are known
 * to hang together (checkAssessment): refused when it was scored by another engine, breaks a
 * sign-off rule, or declares scores other than these.
 */
export function checkScores(
  assessment: ExchangeAssessment,
  wards: ReadonlyMap<string, ExchangeDocument['wards'][number]>,
  templates: ReadonlyMap<string, Template>,
  refuse: (problem: string) => never,
): WardScores {
  const where = `${wards.get(assessment.wardId)!.name} (round ${assessment.round}, assessment ${assessment.id})`;
  if (assessment.scores.engine !== SCORING_ENGINE_VERSION) {
    return refuse(
      `${where} was signed off with the scores of engine ${assessment.scores.engine}. This app runs ${SCORING_ENGINE_VERSION} (scoring method ${SCORING_METHOD_VERSION}), ` +
        'which closed rules under which an earlier method could rate an unsafe ward better than it is, and it does not re-rate a signed-off assessment. ' +
        `The board should assess the ward again under method ${SCORING_METHOD_VERSION} (a new assessment, signed off) and send that, or export only rounds assessed under method ${SCORING_METHOD_VERSION}`,
    );
  }
  const { input, scores } = scoreFromFile(assessment, templates);
  const broken = signOffProblems({
    templates: pinnedOf(assessment, templates),
    input,
    scores,
    round: assessment.round,
    signedOn: londonDateOf(assessment.signedOffAt!),
    undecidedRechecks: assessment.rechecks.filter((r) => r.outcome === null).length,
    confirmedOtherControls: new Set(assessment.ligaturePoints.filter((p) => p.otherControlConfirmedBy).map((p) => p.id)),
  });
  if (broken.length > 0) {
    const more = broken.length > 1 ? ` (and ${broken.length - 1} more)` : '';
    return refuse(`${where} is signed off but breaks the sign-off rule "${broken[0]!.rule}": ${broken[0]!.message}${more}. The app's own sign-off refuses this`);
  }
  const difference = firstDifference(assessment.scores.result, scores, 'scores');
  if (difference) return refuse(`the scores declared for ${where} do not follow from its answers: ${difference}`);
  return scores;
}

/** The file parsed by its schema, or refused naming the first few places it does not fit. */
export function parseOrRefuse<T extends z.ZodType>(schema: T, raw: unknown, format: string, refuse: (problem: string) => never): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const described = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`);
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  return refuse(`does not match ${format}: ${described.join('; ')}${more}`);
}

/** Who signed a verified return, by this database's register of boards' keys (refused like any other check). */
export function checkReturnSigner(db: DbOrTx, verified: VerifiedReturn, fileName: string): Signer {
  const signer = checkSigner(db, verified.document, (problem) => {
    throw new ExchangeRefusal(fileName, problem, verified.checks);
  });
  verified.checks.push(signer.check);
  return signer;
}

/** `verify`: every check import makes, nothing written; a refusal is reported, not thrown. */
export function verifyFile(db: DbOrTx, fileName: string, content: string) {
  try {
    const verified = verifyReturn(fileName, content);
    const { signedBy } = checkReturnSigner(db, verified, fileName);
    const { document, checks } = verified;
    return { fileName, ok: true, checks, problem: null, board: { id: document.board.id, name: document.board.name }, assessments: document.assessments.length, digest: document.digest, signedBy };
  } catch (error) {
    if (!(error instanceof ExchangeRefusal)) throw error;
    return { fileName, ok: false, checks: error.checks, problem: error.message, board: null, assessments: 0, digest: null, signedBy: null };
  }
}

function pinnedOf(assessment: Pick<ExchangeAssessment, 'templates'>, templates: ReadonlyMap<string, Template>): PinnedTemplates {
  return Object.fromEntries(DOMAINS.map((d) => [d, templates.get(assessment.templates[d])!])) as unknown as PinnedTemplates;
}

/** The engine's input and result for an assessment as the file records it. */
export function scoreFromFile(assessment: Omit<ExchangeAssessment, 'scores'>, templates: ReadonlyMap<string, Template>) {
  const input = buildScoringInput({
    // The ward as the assessment recorded it, not as the register says now.
    ward: { id: assessment.wardId, type: assessment.wardType, bedCount: assessment.bedCount },
    areas: assessment.areas,
    answers: assessment.answers,
    points: assessment.ligaturePoints.map((p) => ({ ...p, tierReason: p.tierReason ?? null })),
    actions: assessment.actions,
    assessedOn: assessment.assessedOn,
  });
  return { input, scores: scoreWard(pinnedOf(assessment, templates), input) };
}

/** The templates a file carries, by key, each checked against its key and content hash. */
export function checkTemplates(entries: readonly ExchangeTemplate[], refuse: (problem: string) => never): Map<string, Template> {
  const byKey = new Map<string, Template>();
  for (const entry of entries) {
    const { content } = entry;
    if (byKey.has(entry.key)) refuse(`template ${entry.key} is listed twice`);
    if (entry.key !== `${content.templateId}@${content.version}` || entry.templateId !== content.templateId || entry.version !== content.version || entry.domain !== content.domain) {
      refuse(`template ${entry.key}: its key, id, version or domain do not match its content`);
    }
    if (contentHash(content) !== entry.contentHash) {
      refuse(`template ${entry.key}: its content does not match its content hash ${entry.contentHash} (an unknown or altered template)`);
    }
    byKey.set(entry.key, content);
  }
  return byKey;
}

/** Refuses a file that uses one id for two records of a kind; the set of ids otherwise. */
export function uniqueIds(what: string, ids: Iterable<string>, refuse: (problem: string) => never): Set<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) refuse(`the ${what} id ${id} is used twice`);
    seen.add(id);
  }
  return seen;
}

/** The register a file carries hangs together: ids once each, every parent in the file, tier overrides explained. */
export function checkRegisterConsistency(register: Pick<ExchangeDocument, 'board' | 'sites' | 'wards' | 'areas'>, refuse: (problem: string) => never): void {
  const { board } = register;
  const sites = uniqueIds('site', register.sites.map((s) => s.id), refuse);
  const wards = uniqueIds('ward', register.wards.map((w) => w.id), refuse);
  uniqueIds('area', register.areas.map((a) => a.id), refuse);
  for (const site of register.sites) if (site.boardId !== board.id) refuse(`site ${site.name} belongs to board ${site.boardId}, not to ${board.name}`);
  for (const ward of register.wards) if (!sites.has(ward.siteId)) refuse(`ward ${ward.name} names site ${ward.siteId}, which is not in the file`);
  for (const area of register.areas) {
    if (!wards.has(area.wardId)) refuse(`area ${area.name} names ward ${area.wardId}, which is not in the file`);
    // The register's own rule (estate-schemas): a tier other than the area type's default says why.
    if (area.supervisionTier !== defaultTierFor(area.type) && !area.tierOverrideReason) {
      refuse(`area ${area.name} (${area.id}) is tier ${area.supervisionTier} instead of its type's default tier ${defaultTierFor(area.type)} without a reason`);
    }
  }
}

/**
 * The records whose ids are unique across a whole file, kind by kind (a file that repeats one is
 * refused naming the first kind in this order). An answer's id begins with its assessment's (a
 * UUID, checked by checkAssessment), so answers of different assessments never share one:
 * `withinAssessment` says a kind's ids need only be compared inside each assessment.
 */
export const FILE_WIDE_IDS: readonly { what: string; ids: (assessment: ExchangeAssessment) => string[]; withinAssessment: boolean }[] = [
  { what: 'assessment', ids: (a) => [a.id], withinAssessment: false },
  { what: 'assessor', ids: (a) => a.assessors.map((x) => x.id), withinAssessment: false },
  { what: 'answer', ids: (a) => a.answers.map((x) => x.id), withinAssessment: true },
  { what: 'ligature point', ids: (a) => a.ligaturePoints.map((x) => x.id), withinAssessment: false },
  { what: 'action', ids: (a) => a.actions.map((x) => x.id), withinAssessment: false },
  { what: 're-check', ids: (a) => a.rechecks.map((x) => x.id), withinAssessment: false },
  { what: 'photo', ids: (a) => (a.photos ?? []).map((x) => x.id), withinAssessment: false },
];

function checkConsistency(document: ExchangeDocument, templates: ReadonlyMap<string, Template>, refuse: (problem: string) => never): void {
  const unique = (what: string, ids: Iterable<string>) => uniqueIds(what, ids, refuse);
  checkRegisterConsistency(document, refuse);
  const all = document.assessments;
  for (const { what, ids } of FILE_WIDE_IDS) unique(what, all.flatMap(ids));

  const areasById = new Map(document.areas.map((a) => [a.id, a]));
  for (const assessment of all) checkAssessment(assessment, document, areasById, templates, refuse);
}

/** One assessment's records hang together and point only inside the file (its ward, areas, pinned templates, its own records). */
export function checkAssessment(
  assessment: ExchangeAssessment,
  document: ExchangeDocument,
  areasById: ReadonlyMap<string, ExchangeDocument['areas'][number]>,
  templates: ReadonlyMap<string, Template>,
  refuse: (problem: string) => never,
): void {
  const where = `assessment ${assessment.id}`;
  if (!document.wards.some((w) => w.id === assessment.wardId)) refuse(`${where} names ward ${assessment.wardId}, which is not in the file`);
  if (assessment.status !== 'signed_off' || !assessment.signedOffAt) {
    refuse(`${where} is a draft: only signed-off assessments can be collated (export without drafts)`);
  }
  const pinned: Template[] = [];
  for (const domain of DOMAINS) {
    const template = templates.get(assessment.templates[domain]);
    if (!template) refuse(`${where} pins template ${assessment.templates[domain]}, which the file does not carry`);
    if (template!.domain !== domain) refuse(`${where} pins ${assessment.templates[domain]} as its ${domain} template, but it is a ${template!.domain} template`);
    pinned.push(template!);
  }
  const assessors = new Set(assessment.assessors.map((a) => a.id));
  const snapshot = new Set<string>();
  for (const area of assessment.areas) {
    if (snapshot.has(area.areaId)) refuse(`${where} lists area ${area.areaId} twice`);
    snapshot.add(area.areaId);
    const registered = areasById.get(area.areaId);
    if (!registered || registered.wardId !== assessment.wardId) refuse(`${where} was assessed in area ${area.areaId}, which is not an area of its ward in the file`);
  }
  const items = new Set(pinned.flatMap((t) => t.items.map((i) => i.id)));
  const prompts = new Set(pinned.find((t) => t.domain === 'ligature')!.items.map((i) => i.id));
  const answerIds = new Set<string>();
  for (const answer of assessment.answers) {
    if (answer.id !== `${assessment.id}:${answer.itemId}:${answer.areaId ?? 'ward'}`) refuse(`answer ${answer.id} does not carry the id its assessment, item and area give it`);
    if (!items.has(answer.itemId)) refuse(`answer ${answer.id} answers ${answer.itemId}, which is not an item of the assessment's pinned templates`);
    if (answer.areaId !== null && !snapshot.has(answer.areaId)) refuse(`answer ${answer.id} names an area that was not part of the assessment`);
    if (!assessors.has(answer.assessorId)) refuse(`answer ${answer.id} names an assessor who is not on the assessment`);
    answerIds.add(answer.id);
  }
  const pointIds = new Set<string>();
  for (const point of assessment.ligaturePoints) {
    if (!snapshot.has(point.areaId)) refuse(`ligature point ${point.id} names an area that was not part of the assessment`);
    if (point.itemId !== null && !prompts.has(point.itemId)) refuse(`ligature point ${point.id} names ${point.itemId}, which is not a ligature prompt of the assessment`);
    if (!assessors.has(point.assessorId)) refuse(`ligature point ${point.id} names an assessor who is not on the assessment`);
    pointIds.add(point.id);
  }
  const actionIds = new Set<string>();
  for (const action of assessment.actions) {
    if ((action.answerId === null) === (action.ligaturePointId === null)) refuse(`action ${action.id} must belong to exactly one answer or one ligature point`);
    if (action.answerId !== null && !answerIds.has(action.answerId)) refuse(`action ${action.id} names answer ${action.answerId}, which is not in the assessment`);
    if (action.ligaturePointId !== null && !pointIds.has(action.ligaturePointId)) refuse(`action ${action.id} names a ligature point that is not in the assessment`);
    actionIds.add(action.id);
  }
  for (const recheck of assessment.rechecks) {
    if (recheck.assessorId !== null && !assessors.has(recheck.assessorId)) refuse(`re-check ${recheck.id} names an assessor who is not on the assessment`);
    const current = recheck.subject === 'ligature_point' ? pointIds : actionIds;
    if (recheck.currentId !== null && !current.has(recheck.currentId)) refuse(`re-check ${recheck.id} names a current record that is not in the assessment`);
  }
  for (const photo of assessment.photos ?? []) {
    if ((photo.answerId === null) === (photo.ligaturePointId === null)) refuse(`photo ${photo.id} must belong to exactly one answer or one ligature point`);
    if (photo.answerId !== null && !answerIds.has(photo.answerId)) refuse(`photo ${photo.id} names an answer that is not in the assessment`);
    if (photo.ligaturePointId !== null && !pointIds.has(photo.ligaturePointId)) refuse(`photo ${photo.id} names a ligature point that is not in the assessment`);
    if (!assessors.has(photo.assessorId)) refuse(`photo ${photo.id} names an assessor who is not on the assessment`);
    const bytes = Buffer.from(photo.base64, 'base64');
    if (bytes.length !== photo.byteSize || sha256Hex(bytes) !== photo.sha256) refuse(`photo ${photo.id}: its bytes do not match its size and SHA-256`);
  }
}

/** Where two JSON values first differ, in words ("scores.quality.rating: declared "green", computed "amber""), or null. */
export function firstDifference(declared: unknown, computed: unknown, path: string): string | null {
  if (sameJson(declared, computed)) return null;
  if (declared !== null && computed !== null && typeof declared === 'object' && typeof computed === 'object' && Array.isArray(declared) === Array.isArray(computed)) {
    const a = declared as Record<string, unknown>;
    const b = computed as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const inner = firstDifference(a[key], b[key], `${path}.${key}`);
      if (inner) return inner;
    }
  }
  const show = (v: unknown) => (v === undefined ? 'nothing' : canonicalJson(v).slice(0, 80));
  return `${path}: declared ${show(declared)}, computed ${show(computed)}`;
}
