import { EXCHANGE_FORMAT } from '../../../shared/exchange/schema';
import { HANDOUT_FORMAT, HandoutFile, KNOWN_HANDOUT_VERSIONS, type HandoutAssessment } from '../../../shared/merge/handout-schema';
import { KIND_FACTS, recordIdOf, type RecordKind, type RecordRow } from '../../../shared/merge/kinds';
import { maximalVersions, versionIdentity } from '../../../shared/merge/versions';
import { DOMAINS, type Template } from '../../../shared/templates';
import { answerId } from '../assessments/answers';
import { parsedExchangeDigest, sha256Hex } from '../exchange/digest';
import { parseUntrustedJson } from '../exchange/safe-json';
import { ExchangeRefusal, checkRegisterConsistency, checkTemplates, parseOrRefuse, uniqueIds, verifyReturnDocument, type VerifiedReturn } from '../exchange/verify';

// Everything that can be checked about a hand-out file without a database, with the same
// machinery as a board's return: safe JSON within the size limit, a format and version this app
// reads, the digest, the schema, the checklist versions against their hashes, and that the file
// hangs together (every reference points at a record in it). Refused whole, naming the problem.

export interface VerifiedHandout {
  file: HandoutFile;
  /** The previous round carried by an assessment file, checked as any return is. */
  previous: VerifiedReturn | null;
  /** Photo bytes the file carries, by SHA-256. */
  photos: Map<string, Buffer>;
}

export function verifyHandout(fileName: string, content: string): VerifiedHandout {
  const refuse = (problem: string): never => {
    throw new ExchangeRefusal(fileName, problem, []);
  };
  const parsed = parseUntrustedJson(content);
  if (!parsed.ok) return refuse(parsed.problem);
  const raw = parsed.value as Record<string, unknown> | null;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || raw['format'] !== HANDOUT_FORMAT) {
    if (raw && typeof raw === 'object' && raw['format'] === EXCHANGE_FORMAT) return refuse('is a board’s return, not a hand-out file: import returns on the Import page');
    return refuse(`is not a hand-out file of this app (it has no "format": "${HANDOUT_FORMAT}")`);
  }
  const version = raw['formatVersion'];
  if (typeof version !== 'number' || !KNOWN_HANDOUT_VERSIONS.includes(version)) {
    return refuse(`uses hand-out format version ${JSON.stringify(version)}, which this app does not know (it reads version ${KNOWN_HANDOUT_VERSIONS.join(', ')})`);
  }
  if (typeof raw['digest'] === 'string' && parsedExchangeDigest(raw) !== raw['digest']) return refuse('digest does not match its content (file altered after export)');
  const file = parseOrRefuse(HandoutFile, raw, 'the hand-out format', refuse);
  checkRegisterConsistency({ board: file.board, sites: file.kind === 'register' ? file.sites : [file.site], wards: file.kind === 'register' ? file.wards : [file.ward], areas: file.areas }, refuse);
  if (file.kind === 'register') {
    const { scope } = file;
    if (scope.boardId !== file.board.id) refuse(`says it holds board ${scope.boardId} but carries ${file.board.name}`);
    return { file, previous: null, photos: new Map() };
  }
  const templates = checkTemplates(file.templates, refuse);
  const photos = checkPhotos(file, refuse);
  checkAssessmentRecords(file, templates, refuse);
  let previous: VerifiedReturn | null = null;
  if (file.previousRound) {
    previous = verifyReturnDocument(`${fileName} (previous round)`, (raw['previousRound'] as unknown) ?? null);
    const [only, ...more] = previous.document.assessments;
    const head = headOf(file);
    if (!only || more.length > 0 || only.id !== head['previousAssessmentId'] || only.wardId !== file.ward.id) {
      refuse('carries a previous round that is not this assessment’s previous round of this ward');
    }
  }
  return { file, previous, photos };
}

/** The assessment's own record as the file shows it (its one version, or the latest). */
export function headOf(file: HandoutAssessment): RecordRow {
  const record = file.records.find((r) => r.kind === 'assessment' && r.id === file.assessment.id)!;
  return [...record.versions].sort((a, b) => (a.at > b.at ? -1 : 1))[0]!.row as RecordRow;
}

function checkPhotos(file: HandoutAssessment, refuse: (problem: string) => never): Map<string, Buffer> {
  const photos = new Map<string, Buffer>();
  for (const photo of file.photos) {
    if (photos.has(photo.sha256)) refuse(`carries the photo ${photo.sha256} twice`);
    const bytes = Buffer.from(photo.base64, 'base64');
    if (bytes.length === 0 || sha256Hex(bytes) !== photo.sha256) refuse(`photo ${photo.sha256}: its bytes do not match its SHA-256`);
    photos.set(photo.sha256, bytes);
  }
  if (!file.includes.photos && photos.size > 0) refuse('carries photos but says it was exported without them');
  return photos;
}

function checkAssessmentRecords(file: HandoutAssessment, templates: ReadonlyMap<string, Template>, refuse: (problem: string) => never): void {
  const { assessment, ward } = file;
  if (assessment.wardId !== ward.id) refuse(`is for ward ${assessment.wardId} but carries the register of ${ward.name}`);
  for (const domain of DOMAINS) {
    const template = templates.get(assessment.templates[domain]);
    if (!template) refuse(`pins template ${assessment.templates[domain]}, which the file does not carry`);
    if (template!.domain !== domain) refuse(`pins ${assessment.templates[domain]} as its ${domain} template, but it is a ${template!.domain} template`);
  }
  const devices = uniqueIds('device', file.devices.map((d) => d.id), refuse);
  const ids = new Map<RecordKind, Set<string>>();
  for (const record of file.records) {
    const seen = ids.get(record.kind) ?? new Set<string>();
    if (seen.has(record.id)) refuse(`lists the ${KIND_FACTS[record.kind].label} ${record.id} twice`);
    seen.add(record.id);
    ids.set(record.kind, seen);
    for (const version of record.versions) {
      if (recordIdOf(record.kind, version.row as RecordRow) !== record.id) refuse(`${KIND_FACTS[record.kind].label} ${record.id} has a version of another record`);
      for (const device of [version.device, ...Object.keys(version.clock)]) if (!devices.has(device)) refuse(`${KIND_FACTS[record.kind].label} ${record.id} was changed on device ${device}, which the file does not name`);
    }
    const identities = record.versions.map((v) => versionIdentity(v));
    if (new Set(identities).size !== identities.length || maximalVersions(record.versions).length !== record.versions.length) {
      refuse(`${KIND_FACTS[record.kind].label} ${record.id} lists a version that another of its versions supersedes`);
    }
  }
  const has = (kind: RecordKind, id: unknown) => typeof id === 'string' && (ids.get(kind)?.has(id) ?? false);
  const heads = file.records.filter((r) => r.kind === 'assessment');
  if (heads.length !== 1 || heads[0]!.id !== assessment.id) refuse('must carry exactly its own assessment record');
  for (const version of heads[0]!.versions) {
    if (version.deleted) refuse('says the assessment itself was removed');
    if ((version.row as RecordRow)['wardId'] !== ward.id) refuse('has a version of the assessment for another ward');
  }
  const registerAreas = new Set(file.areas.map((a) => a.id));
  const items = new Set(DOMAINS.flatMap((d) => templates.get(assessment.templates[d])!.items.map((i) => i.id)));
  const prompts = new Set(templates.get(assessment.templates.ligature)!.items.map((i) => i.id));

  for (const record of file.records) {
    for (const version of record.versions) {
      if (version.deleted) continue;
      const row = version.row as RecordRow;
      const where = `${KIND_FACTS[record.kind].label} ${record.id}`;
      const assessor = row['assessorId'];
      if (assessor !== undefined && assessor !== null && !has('assessor', assessor)) refuse(`${where} names an assessor who is not on the assessment`);
      const area = row['areaId'];
      if (typeof area === 'string' && !registerAreas.has(area)) refuse(`${where} names area ${area}, which is not an area of ${ward.name} in the file`);
      if (typeof area === 'string' && (record.kind === 'answer' || record.kind === 'ligature_point' || record.kind === 'area_assignment') && !has('assessment_area', area)) {
        refuse(`${where} names an area that is not part of the assessment`);
      }
      if (record.kind === 'answer') {
        if (record.id !== answerId(assessment.id, String(row['itemId']), (row['areaId'] as string | null) ?? null)) refuse(`${where} does not carry the id its assessment, item and area give it`);
        if (!items.has(String(row['itemId']))) refuse(`${where} answers ${String(row['itemId'])}, which is not an item of the assessment's pinned templates`);
      }
      if (record.kind === 'ligature_point' && row['itemId'] !== null && !prompts.has(String(row['itemId']))) refuse(`${where} names ${String(row['itemId'])}, which is not a ligature prompt of the assessment`);
      if (record.kind === 'action' || record.kind === 'photo') {
        if ((row['answerId'] === null) === (row['ligaturePointId'] === null)) refuse(`${where} must belong to exactly one answer or one ligature point`);
        if (row['answerId'] !== null && !has('answer', row['answerId'])) refuse(`${where} names an answer that is not in the file`);
        if (row['ligaturePointId'] !== null && !has('ligature_point', row['ligaturePointId'])) refuse(`${where} names a ligature point that is not in the file`);
      }
      if (record.kind === 'recheck' && row['currentId'] !== null && !has(row['subject'] === 'ligature_point' ? 'ligature_point' : 'action', row['currentId'])) {
        refuse(`${where} names a current record that is not in the file`);
      }
    }
  }
}
