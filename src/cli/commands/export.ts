import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../shared/contract';
import { oversizeProblem, serialiseReturn } from '../../shared/exchange/serialise';
import { keyLabel } from '../../shared/exchange/signature';
import type { Result } from '../../shared/result';
import { report, type Command } from '../command';

export const exportReturn: Command = {
  name: 'export',
  usage: 'export --board ID [--round YYYY/YY] [--out FILE] [--photos] [--drafts] [--csv DIR]',
  summary:
    "Write the board's return (exchange file, JSON) to FILE, or to the screen; signed-off assessments\n" +
    '                       of one round with --round (else every round), without photos unless --photos;\n' +
    '                       --csv DIR also writes one CSV per table.',
  options: { board: { type: 'string' }, round: { type: 'string' }, out: { type: 'string' }, photos: { type: 'boolean' }, drafts: { type: 'boolean' }, csv: { type: 'string' } },
  async run({ core, options }) {
    if (typeof options.board !== 'string') {
      console.error('Name the board: export --board ID (see "call boards.list")');
      return 2;
    }
    const input = {
      boardId: options.board,
      includePhotos: options.photos === true,
      includeDrafts: options.drafts === true,
      ...(typeof options.round === 'string' ? { round: options.round } : {}),
    };
    const result = (await core.dispatch('exchange.export', input)) as Result<Output<'exchange.export'>>;
    if (!result.ok) return report(result);
    const document = result.data;
    if (typeof options.csv === 'string') {
      const { includePhotos: _photos, ...csvInput } = input;
      const csv = (await core.dispatch('exchange.exportCsv', csvInput)) as Result<Output<'exchange.exportCsv'>>;
      if (!csv.ok) return report(csv);
      fs.mkdirSync(options.csv, { recursive: true });
      for (const file of csv.data.files) fs.writeFileSync(path.join(options.csv, file.fileName), file.content, 'utf8');
      console.error(`Wrote ${csv.data.files.length} CSV files to ${options.csv}`);
    }
    const text = serialiseReturn(document);
    const oversize = oversizeProblem(text);
    if (oversize) {
      console.error(`${oversize} (--round YYYY/YY)`);
      return 1;
    }
    if (typeof options.out === 'string') {
      fs.writeFileSync(options.out, text, 'utf8');
      console.log(
        `Wrote ${options.out}: ${document.board.name}, ${document.assessments.length} assessment${document.assessments.length === 1 ? '' : 's'}, ` +
          `${document.wards.length} wards${input.includePhotos ? ', with photos' : ''}. Digest sha256:${document.digest}`,
      );
      console.log(
        document.signature
          ? `Signed with ${document.board.name}'s key ${keyLabel(document.signature.keyId)}.`
          : `Not signed: ${document.board.name} has no signing key on this computer ("keys create --board ${document.board.id}" makes one).`,
      );
    } else if (typeof options.csv !== 'string') {
      process.stdout.write(text);
    }
    return 0;
  },
};
