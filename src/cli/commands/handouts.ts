import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { forEachFile, report, type Command } from '../command';

// Hand-out files from the command line: the register or an assessment written to a folder, and
// files taken on this database (started here, or merged into the assessment already here).

export const handOut: Command = {
  name: 'handout',
  usage: 'handout --assessment ID [--no-photos] [--out DIR] | handout --board ID [--site ID] [--ward ID] [--out DIR]',
  summary:
    'Write a hand-out file to DIR (default: here): an assessment with every version of its records,\n' +
    "                       for another device to carry on with or merge; or the board's register (or a site's, a ward's).",
  options: { assessment: { type: 'string' }, board: { type: 'string' }, site: { type: 'string' }, ward: { type: 'string' }, out: { type: 'string' }, 'no-photos': { type: 'boolean' } },
  async run({ core, options }) {
    const dir = typeof options.out === 'string' ? options.out : '.';
    let result: Result<Output<'handouts.exportAssessment'> | Output<'handouts.exportRegister'>>;
    if (typeof options.assessment === 'string') {
      result = (await core.dispatch('handouts.exportAssessment', { assessmentId: options.assessment, includePhotos: options['no-photos'] !== true })) as typeof result;
    } else if (typeof options.board === 'string') {
      const scope = { boardId: options.board, siteId: typeof options.site === 'string' ? options.site : null, wardId: typeof options.ward === 'string' ? options.ward : null };
      result = (await core.dispatch('handouts.exportRegister', scope)) as typeof result;
    } else {
      console.error('Name what to hand out: handout --assessment ID, or handout --board ID');
      return 2;
    }
    if (!result.ok) return report(result);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, result.data.fileName);
    fs.writeFileSync(file, result.data.content, 'utf8');
    console.log(`Wrote ${file}. Digest sha256:${result.data.digest}`);
    return 0;
  },
};

export const takeHandouts: Command = {
  name: 'take',
  usage: 'take FILE... [--into ASSESSMENT]',
  summary:
    'Take hand-out files on this database, each checked in full and refused whole if anything is wrong:\n' +
    '                       a register updates the estate register; an assessment starts here or is merged into it.',
  options: { into: { type: 'string' } },
  async run({ core, args, options }) {
    if (args.length === 0) {
      console.error('Name the file(s) to take: take FILE...');
      return 2;
    }
    const into = typeof options.into === 'string' ? { into: options.into } : {};
    const refused = await forEachFile(
      args,
      (fileName, file) => `REFUSED ${fileName}: cannot read ${file}`,
      async (fileName, content) => {
        const result = (await core.dispatch('handouts.import', { fileName, content, ...into })) as Result<Output<'handouts.import'>>;
        if (!result.ok) {
          console.error(`REFUSED ${result.error.message}`);
          return false;
        }
        console.log(describeTaken(result.data));
        return true;
      },
    );
    return refused > 0 ? 1 : 0;
  },
};

function describeTaken(taken: Output<'handouts.import'>): string {
  if (taken.kind === 'register') return `${taken.fileName}: register of ${taken.board.name} ${taken.status}: ${taken.added} added, ${taken.updated} updated${taken.older ? ' (older than one already taken: nothing rolled back)' : ''}.`;
  const waiting = taken.conflicts + taken.duplicates > 0 ? ` ${taken.conflicts} conflicts and ${taken.duplicates} probable duplicate areas to resolve.` : '';
  return `${taken.fileName}: ${taken.assessment.wardName} (${taken.assessment.assessedOn}) ${taken.status} from ${taken.fromDevice}: ${taken.taken} records taken, ${taken.agreed} agreed, ${taken.newConflicts} new conflicts, ${taken.photosMissing} photos waiting.${waiting}`;
}
