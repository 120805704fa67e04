import zlib from 'node:zlib';
import type { Input } from '../../src/shared/contract';
import { answerAll, signOff, startAssessment } from './assessments';
import type { TestCore } from './core';

// A small estate with assessed wards for report tests, and a reader that parses a PDF back.

/** Every page's text, in order, as pdf.js extracts it (all whitespace, line breaks included, collapsed to one space). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    pages.push(text.replace(/\s+/g, ' ').trim());
  }
  await doc.destroy();
  return pages;
}

/** How many images pdf.js paints on each page (photos embedded in a ward report). */
export async function pdfImageCounts(bytes: Uint8Array): Promise<number[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const counts: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    counts.push(ops.fnArray.filter((fn) => fn === pdfjs.OPS.paintImageXObject).length);
  }
  await doc.destroy();
  return counts;
}

/** A real (tiny) PNG of one colour, as the photos table would hold it. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function addWard(core: TestCore, siteId: string, name: string, type: Input<'wards.create'>['type'] = 'adult_acute') {
  const ward = core.call('wards.create', { siteId, name, type, bedCount: 10, sexDesignation: 'mixed' });
  core.call('areas.create', { wardId: ward.id, type: 'entrance', name: 'Entrance', supervisionTier: 1 });
  core.call('areas.create', { wardId: ward.id, type: 'bedroom', name: 'Bedroom 1', supervisionTier: 3 });
  core.call('areas.create', { wardId: ward.id, type: 'en_suite', name: 'En-suite 1', supervisionTier: 3 });
  core.call('areas.create', { wardId: ward.id, type: 'lounge', name: 'Lounge', supervisionTier: 2 });
  return ward;
}

/**
 * NHS Reportshire: two sites, four wards.
 * - Birch Ward: 2025/26 signed off, all compliant (green); 2026/27 signed off with a critical
 *   safety "no" (red) and an extreme residual ligature point whose action is overdue.
 * - Łódź Ward: 2026/27 draft, partial answers with a note and a photo, one high ligature point.
 * - Rowan Ward (older adult, second site): 2026/27 signed off, all compliant.
 * - Quiet Ward: never assessed.
 */
export function reportEstate(core: TestCore) {
  const board = core.call('boards.create', { name: 'NHS Reportshire', code: 'S08000099' });
  const arden = core.call('sites.create', { boardId: board.id, name: 'Arden Hospital' });
  const glen = core.call('sites.create', { boardId: board.id, name: 'Glen Hospital' });
  const birch = addWard(core, arden.id, 'Birch Ward');
  const lodz = addWard(core, arden.id, 'Łódź Ward', 'ipcu');
  const rowan = addWard(core, glen.id, 'Rowan Ward', 'older_adult');
  const quiet = addWard(core, glen.id, 'Quiet Ward');

  const birchOld = startAssessment(core, birch.id, { round: '2025/26', assessedOn: '2025-11-10' });
  answerAll(core, birchOld.id);
  signOff(core, birchOld.id, '2025-11-12T09:00:00Z');

  const birchNew = startAssessment(core, birch.id, { round: '2026/27', assessedOn: '2026-11-02' });
  answerAll(core, birchNew.id, (item) => (item.id === 'S11' ? 'no' : undefined));
  const birchBedroom = birchNew.areas.find((a) => a.type === 'bedroom')!.areaId;
  const assessor = birchNew.assessors[0]!.id;
  const extreme = core.call('ligaturePoints.create', {
    assessmentId: birchNew.id,
    areaId: birchBedroom,
    itemId: 'L01',
    element: 'Overhead door closer',
    heightBand: 'above_head',
    tier: 3,
    description: 'Exposed closer arm on the bedroom door',
    controls: [{ kind: 'environmental_check', description: 'Hourly environmental check' }],
    likelihoodBefore: 4,
    severityBefore: 5,
    likelihoodAfter: 3,
    severityAfter: 5,
    assessorId: assessor,
  });
  core.call('actions.create', {
    assessmentId: birchNew.id,
    ligaturePointId: extreme.id,
    type: 'replace',
    description: 'Fit a concealed anti-ligature closer',
    owner: 'Estates manager',
    dueDate: '2026-11-10',
    priority: 'urgent',
    status: 'open',
  });
  const s11 = `${birchNew.id}:S11:ward`;
  core.call('actions.create', {
    assessmentId: birchNew.id,
    answerId: s11,
    type: 'mitigate',
    description: 'Renew the fire risk assessment',
    owner: 'Fire safety adviser',
    dueDate: '2027-02-28',
    priority: 'high',
    status: 'on_track',
  });
  signOff(core, birchNew.id, '2026-11-21T09:00:00Z');

  const lodzNow = startAssessment(core, lodz.id, { round: '2026/27', assessedOn: '2026-11-18' });
  answerAll(core, lodzNow.id, (item) => (item.id === 'T15' ? 'partial' : item.id === 'Q04' ? 'C' : undefined));
  const lodzLounge = lodzNow.areas.find((a) => a.type === 'lounge')!.areaId;
  const lodzAssessor = lodzNow.assessors[0]!.id;
  const partialAnswer = core.call('answers.record', {
    assessmentId: lodzNow.id,
    itemId: 'T15',
    areaId: lodzLounge,
    value: 'partial',
    note: 'Bare walls; the sofa is worn through',
    assessorId: lodzAssessor,
  });
  core.store.sqlite
    .prepare(
      `INSERT INTO photos (id, assessment_id, answer_id, ligature_point_id, sha256, mime_type, byte_size, width, height, caption, bytes, assessor_id, created_at)
       VALUES (?, ?, ?, NULL, ?, 'image/png', ?, 40, 30, 'Lounge wall', ?, ?, '2026-11-18T10:00:00Z')`,
    )
    .run(crypto.randomUUID(), lodzNow.id, partialAnswer.id, 'x'.repeat(64), 0, solidPng(40, 30, [0, 94, 184]), lodzAssessor);
  const high = core.call('ligaturePoints.create', {
    assessmentId: lodzNow.id,
    areaId: lodzLounge,
    itemId: 'L09',
    element: 'Curtain track',
    heightBand: 'above_head',
    tier: 2,
    description: 'Fixed curtain track above the window',
    controls: [{ kind: 'access_restriction', description: 'Lounge used only with staff present' }],
    likelihoodBefore: 3,
    severityBefore: 4,
    likelihoodAfter: 2,
    severityAfter: 4,
    assessorId: lodzAssessor,
  });
  core.call('actions.create', {
    assessmentId: lodzNow.id,
    ligaturePointId: high.id,
    type: 'remove',
    description: 'Replace with a collapsible track',
    owner: 'Ward manager',
    dueDate: '2027-03-31',
    priority: 'medium',
    status: 'on_track',
  });

  const rowanNow = startAssessment(core, rowan.id, { round: '2026/27', assessedOn: '2026-11-05' });
  answerAll(core, rowanNow.id);
  signOff(core, rowanNow.id, '2026-11-21T09:00:00Z');

  return { board, arden, glen, birch, lodz, rowan, quiet, birchOld, birchNew, lodzNow, rowanNow };
}
