import path from 'node:path';
import type { Output } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { readTextFile, report, type Command } from '../command';

type TemplateRow = Output<'templates.list'>[number];
type Installed = Output<'templates.install'>;

export const templates: Command = {
  name: 'templates',
  usage: 'templates list | templates install FILE [--keep-current] | templates use KEY',
  summary:
    'List installed checklist template versions (current ones marked *); validate and install a\n' +
    '                       version from a JSON file, showing what changed against the current one, and\n' +
    '                       make it current for new assessments (started ones keep their pinned versions);\n' +
    '                       or make an installed version (e.g. safety@2026.1) current.',
  options: { 'keep-current': { type: 'boolean' } },
  async run({ core, args, options }) {
    const [sub, arg] = args;
    if (sub === 'list') {
      const result = (await core.dispatch('templates.list', {})) as Result<TemplateRow[]>;
      if (!result.ok) return report(result);
      for (const t of result.data) {
        console.log(
          `${t.isCurrent ? '*' : ' '} ${t.key.padEnd(22)} ${String(t.itemCount).padStart(3)} items  ${t.status.padEnd(9)} ${t.source}  sha256:${t.contentHash.slice(0, 12)}…  used by ${t.assessmentsPinned}`,
        );
      }
      return 0;
    }
    if (sub === 'install' && arg) {
      const read = readTextFile(arg);
      if (!read.ok) {
        console.error(`${path.basename(arg)}: ${read.problem}`);
        return 2;
      }
      const result = (await core.dispatch('templates.install', {
        fileName: path.basename(arg),
        content: read.text,
        makeCurrent: options['keep-current'] !== true,
      })) as Result<Installed>;
      if (!result.ok) return report(result);
      printInstalled(result.data);
      return 0;
    }
    if (sub === 'use' && arg) {
      const result = (await core.dispatch('templates.setCurrent', { key: arg })) as Result<TemplateRow>;
      if (!result.ok) return report(result);
      console.log(`${result.data.key} is now current for new ${result.data.domain} assessments.`);
      return 0;
    }
    console.error('Usage: templates list | templates install FILE [--keep-current] | templates use KEY');
    return 2;
  },
};

function printInstalled({ template, alreadyInstalled, previous, diff }: Installed): void {
  console.log(
    alreadyInstalled ? `${template.key} is already installed (same content); nothing changed.` : `Installed ${template.key} (${template.itemCount} items).`,
  );
  if (previous && diff) {
    console.log(`Changes against ${previous.key}:`);
    console.log(`  added: ${diff.added.join(', ') || 'none'}`);
    console.log(`  removed: ${diff.removed.join(', ') || 'none'}`);
    console.log(`  reworded: ${diff.reworded.map((r) => r.itemId).join(', ') || 'none'}`);
    console.log(
      `  reweighted: ${diff.reweighted.map((r) => `${r.itemId} (${r.from.weight}${r.from.critical ? '!' : ''} → ${r.to.weight}${r.to.critical ? '!' : ''})`).join(', ') || 'none'}`,
    );
    console.log(`  re-scoped: ${diff.rescoped.map((r) => r.itemId).join(', ') || 'none'}`);
    if (diff.thresholdsChanged) console.log('  thresholds changed');
    console.log(diff.comparable ? '  Scores stay comparable with the previous version.' : '  Scores under the two versions are not directly comparable.');
  }
  console.log(
    template.isCurrent ? `${template.key} is now current for new assessments; started assessments keep their versions.` : `${template.key} is installed but not current.`,
  );
}
