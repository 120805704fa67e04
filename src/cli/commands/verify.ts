import type { Output } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { forEachFile, report, type Command } from '../command';

export const verifyReturns: Command = {
  name: 'verify',
  usage: 'verify FILE...',
  summary:
    'Check a return without importing it: schema, version, digest, template hashes, and every score\n' +
    '                       re-computed from its answers. Prints each check; exit code 1 on any problem.',
  async run({ core, args }) {
    if (args.length === 0) {
      console.error('Name the file(s) to check: verify FILE...');
      return 2;
    }
    const failed = await forEachFile(
      args,
      (fileName, problem) => `${fileName}: ${problem}`,
      async (fileName, content) => {
        const result = (await core.dispatch('exchange.verify', { fileName, content })) as Result<Output<'exchange.verify'>>;
        if (!result.ok) {
          report(result);
          return false;
        }
        const checked = result.data;
        console.log(`${fileName}:`);
        for (const check of checked.checks) console.log(`  ✓ ${check}`);
        if (!checked.ok) {
          console.error(`  ✗ ${checked.problem ?? 'refused'}`);
          return false;
        }
        console.log(`  OK: ${checked.board?.name ?? ''}, ${checked.assessments} assessment${checked.assessments === 1 ? '' : 's'}; the file can be imported.`);
        return true;
      },
    );
    return failed > 0 ? 1 : 0;
  },
};
