import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { readTextFile, report, type Command } from '../command';

type Status = Output<'signing.status'>;

const USAGE = `keys list | keys create --board ID [--replace] | keys export --board ID [--out FILE]
                       keys register FILE | keys remove KEY_ID | keys unsigned accept|refuse`;

function printStatus(status: Status): void {
  console.log(`Boards' private keys on this computer are kept in ${status.keysFolder} (${status.storage}).`);
  for (const board of status.boards) {
    const key = board.key ? `key ${board.key.label} (made ${board.key.createdAt.slice(0, 10)})` : board.heldElsewhere ? 'key held by the desktop app (sealed for it): sign its returns there' : 'no key';
    console.log(`  ${board.boardName}: ${key}`);
  }
  console.log(`Registered boards' keys (for collation): ${status.registered.length === 0 ? 'none' : ''}`);
  for (const key of status.registered) console.log(`  ${key.boardName}: key ${key.label}  id ${key.keyId}  registered ${key.registeredAt.slice(0, 10)} by ${key.registeredBy}`);
  console.log(
    status.unsignedReturns === 'refuse'
      ? 'Unsigned returns: refused.'
      : 'Unsigned returns: accepted from boards with no registered key, and shown as not signed.',
  );
}

/** Board signing keys (a board's own) and the register of boards' public keys (the collator's). */
export const keys: Command = {
  name: 'keys',
  usage: USAGE,
  summary: "Signed returns: make the board's signing key and export its public key; register boards' public keys; choose whether unsigned returns are accepted.",
  options: { replace: { type: 'boolean' } },
  async run({ core, args, options }) {
    const [sub, arg] = args;
    const board = typeof options.board === 'string' ? options.board : undefined;
    if (sub === 'list') {
      const result = (await core.dispatch('signing.status', {})) as Result<Status>;
      if (!result.ok) return report(result);
      printStatus(result.data);
      return 0;
    }
    if (sub === 'create' && board) {
      const result = (await core.dispatch('signing.createKey', { boardId: board, replace: options.replace === true })) as Result<Output<'signing.createKey'>>;
      if (!result.ok) return report(result);
      console.log(`Made ${result.data.boardName}'s signing key ${result.data.key!.label}. Send its public key to NHS Scotland Assure: keys export --board ${board} --out FILE`);
      return 0;
    }
    if (sub === 'export' && board) {
      const result = (await core.dispatch('signing.exportPublicKey', { boardId: board })) as Result<Output<'signing.exportPublicKey'>>;
      if (!result.ok) return report(result);
      if (typeof options.out === 'string') {
        fs.writeFileSync(options.out, result.data.content, 'utf8');
        console.log(`Wrote ${options.out} (the public key only: nothing secret)`);
      } else process.stdout.write(result.data.content);
      return 0;
    }
    if (sub === 'register' && arg) {
      const read = readTextFile(arg);
      if (!read.ok) {
        console.error(`${path.basename(arg)}: ${read.problem}`);
        return 2;
      }
      const result = (await core.dispatch('signing.registerKey', { fileName: path.basename(arg), content: read.text })) as Result<Output<'signing.registerKey'>>;
      if (!result.ok) return report(result);
      console.log(`Registered ${result.data.boardName}'s key ${result.data.label}: its returns signed with it are accepted as theirs.`);
      return 0;
    }
    if (sub === 'remove' && arg) {
      const result = await core.dispatch('signing.removeKey', { keyId: arg });
      if (!result.ok) return report(result);
      console.log(`Removed key ${arg} from the register: returns signed with it are refused from now on.`);
      return 0;
    }
    if (sub === 'unsigned' && (arg === 'accept' || arg === 'refuse')) {
      const result = await core.dispatch('signing.setUnsignedReturns', { policy: arg === 'accept' ? 'accept_from_boards_without_key' : 'refuse' });
      if (!result.ok) return report(result);
      console.log(arg === 'accept' ? 'Unsigned returns are accepted from boards with no registered key.' : 'Unsigned returns are refused.');
      return 0;
    }
    console.error(`Usage: ${USAGE}`);
    return 2;
  },
};
