import type { Output } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { forEachFile, type Command } from '../command';

export const importReturns: Command = {
  name: 'import',
  usage: 'import FILE...',
  summary:
    'Check and import one or more returns (exchange files), each in one transaction: a file with any\n' +
    '                       problem is refused with the reason and nothing from it is written.',
  async run({ core, args }) {
    if (args.length === 0) {
      console.error('Name the file(s) to import: import FILE...');
      return 2;
    }
    const refused = await forEachFile(
      args,
      (fileName, problem) => `REFUSED ${fileName}: ${problem}`,
      async (fileName, content) => {
        const result = (await core.dispatch('exchange.import', { fileName, content })) as Result<Output<'exchange.import'>>;
        if (!result.ok) {
          console.error(`REFUSED ${result.error.message.startsWith(`${fileName}: `) ? result.error.message : `${fileName}: ${result.error.message}`}`);
          return false;
        }
        console.log(describeImport(result.data));
        return true;
      },
    );
    if (args.length > 1) console.log(`${args.length - refused} of ${args.length} files accepted, ${refused} refused.`);
    return refused > 0 ? 1 : 0;
  },
};

export function describeImport(report: Output<'exchange.import'>): string {
  if (report.status === 'already_imported') return `${report.fileName}: already imported (${report.board.name}); nothing changed.`;
  const parts = [
    `${report.assessmentsAdded} assessment${report.assessmentsAdded === 1 ? '' : 's'} added`,
    report.assessmentsAlreadyHere > 0 ? `${report.assessmentsAlreadyHere} already here` : null,
    report.estateRecordsAdded + report.estateRecordsUpdated > 0 ? `${report.estateRecordsAdded} estate records added, ${report.estateRecordsUpdated} updated` : null,
    report.templatesInstalled.length > 0 ? `templates installed: ${report.templatesInstalled.join(', ')}` : null,
    report.photosAdded > 0 ? `${report.photosAdded} photos` : null,
    report.olderThanHere ? 'older than returns already here, so the register was not rolled back' : null,
  ].filter(Boolean);
  const signed = report.signedBy ? ` Signed by ${report.signedBy.board}, key ${report.signedBy.label}.` : ' Not signed.';
  return `${report.fileName}: imported ${report.board.name}: ${parts.join('; ')}.${signed}`;
}
