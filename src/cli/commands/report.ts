import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { report as printFailure, type Command } from '../command';

type ReportFile = Output<'reports.board'>;

export const report: Command = {
  name: 'report',
  usage: 'report --board ID | --site ID | --assessment ID [--round R] [--drafts] --out FILE',
  summary:
    'Write a PDF report: the board\'s consolidated estate report, a site report (both of signed-off\n' +
    '                       assessments for the latest round, or --round 2026/27; --drafts also counts a\n' +
    '                       ward\'s draft where it has nothing signed off), or one assessment\'s ward report.',
  options: { board: { type: 'string' }, site: { type: 'string' }, assessment: { type: 'string' }, round: { type: 'string' }, drafts: { type: 'boolean' }, out: { type: 'string' } },
  async run({ core, options }) {
    const { board, site, assessment, round, drafts, out } = options;
    const chosen = [board, site, assessment].filter((v) => typeof v === 'string');
    if (chosen.length !== 1 || typeof out !== 'string') {
      console.error('Usage: report --board ID | --site ID | --assessment ID [--round R] [--drafts] --out FILE');
      return 2;
    }
    if (typeof assessment === 'string' && (round !== undefined || drafts !== undefined)) {
      console.error('--round and --drafts apply to board and site reports; a ward report is for one assessment, which has its own round.');
      return 2;
    }
    const withRound = { ...(typeof round === 'string' ? { round } : {}), includeDrafts: drafts === true };
    const result = (await (typeof board === 'string'
      ? core.dispatch('reports.board', { boardId: board, ...withRound })
      : typeof site === 'string'
        ? core.dispatch('reports.site', { siteId: site, ...withRound })
        : core.dispatch('reports.ward', { assessmentId: assessment }))) as Result<ReportFile>;
    if (!result.ok) return printFailure(result);
    const file = path.resolve(out);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.from(result.data.pdfBase64, 'base64'));
    } catch (error) {
      console.error(`Cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    console.log(`Wrote ${file} (${result.data.pageCount} page${result.data.pageCount === 1 ? '' : 's'}).`);
    return 0;
  },
};
