import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { count } from '../../components/counts';
import { readTextFile } from '../../components/read-text-file';
import { href } from '../../routing/routes';

// Taking a hand-out file on this device, from the Hand-outs screen or an assessment's Team
// screen, and what it did in words.

export interface TakenFile {
  fileName: string;
  outcome: 'taken' | 'unchanged' | 'refused';
  detail: string;
  links: { href: string; label: string }[];
}

export async function takeHandoutFile(file: File, into?: string): Promise<TakenFile> {
  // Strict UTF-8: bytes that are not text are refused, saying where, never read as replacement characters.
  const read = await readTextFile(file);
  if (!read.ok) return { fileName: file.name, outcome: 'refused', detail: `${file.name}: ${read.problem}`, links: [] };
  try {
    return describe(await call('handouts.import', { fileName: file.name, content: read.text, ...(into ? { into } : {}) }));
  } catch (error) {
    return { fileName: file.name, outcome: 'refused', detail: messageOf(error), links: [] };
  }
}

function describe(report: Output<'handouts.import'>): TakenFile {
  if (report.kind === 'register') {
    const older = report.older ? ' It is older than a register already taken from this board, so only records missing here were added.' : '';
    return {
      fileName: report.fileName,
      outcome: report.status === 'unchanged' ? 'unchanged' : 'taken',
      detail: `Register of ${report.board.name}: ${count(report.added, 'record')} added, ${report.updated} updated.${older}`,
      links: [{ href: href.board(report.board.id), label: `Open ${report.board.name}` }],
    };
  }
  const { assessment } = report;
  const what = `${assessment.wardName} (assessment of ${assessment.assessedOn})`;
  const waiting = report.conflicts + report.duplicates;
  const links = [
    { href: href.walk(assessment.id), label: `Open ${assessment.wardName}` },
    { href: href.assessmentTeam(assessment.id), label: 'Team and hand-outs' },
    ...(waiting > 0 ? [{ href: href.assessmentResolve(assessment.id), label: `Resolve ${count(waiting, 'item')}` }] : []),
  ];
  const missing = report.photosMissing > 0 ? ` ${count(report.photosMissing, 'photo')} came without their pictures: ask for the file again with photos.` : '';
  const signed = assessment.status === 'signed_off' ? ' It is signed off.' : '';
  const left =
    waiting > 0
      ? ` ${[report.conflicts > 0 ? count(report.conflicts, 'conflict') : '', report.duplicates > 0 ? count(report.duplicates, 'probable duplicate area') : ''].filter(Boolean).join(' and ')} to resolve before sign-off.`
      : '';
  if (report.status === 'unchanged') return { fileName: report.fileName, outcome: 'unchanged', detail: `Nothing new for ${what}: everything in it is already here.${left}`, links };
  const detail =
    report.status === 'started'
      ? `${what} handed out from ${report.fromDevice}: you can carry on with it here.${signed}${missing}`
      : `Work on ${what} from ${report.fromDevice} merged: ${count(report.taken, 'record')} taken, ${count(report.agreed, 'record')} changed the same way on both devices, ${count(report.newConflicts, 'new conflict')}.${signed}${missing}${left}`;
  return { fileName: report.fileName, outcome: 'taken', detail, links };
}
