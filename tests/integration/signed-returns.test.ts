import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeDigest } from '../../src/core/services/exchange/digest';
import { signDigest } from '../../src/core/services/signing/crypto';
import { createKeyStore, keysFolderFor } from '../../src/core/services/signing/key-store';
import { serialiseReturn } from '../../src/shared/exchange';
import type { ExchangeDocument } from '../../src/shared/exchange/schema';
import { cli } from '../helpers/cli';
import { createTestCore, tempDir, type TestCore } from '../helpers/core';
import { dumpStore, sampleBoard } from '../helpers/exchange';
import { processBudget } from '../helpers/budgets';

// A board signs its return with its own Ed25519 key; NHS Scotland Assure registers boards'
// public keys and will accept a return as a board's only when that board's registered key signed
// it. The digest alone proves nothing about who made a file: anyone can recompute one.

type Doc = ExchangeDocument & Record<string, unknown>;

interface Board {
  core: TestCore;
  boardId: string;
  /** The board's public key file, as exported for the collator. */
  publicKey: { fileName: string; content: string };
  signed: Doc;
}

/** A board with a signed-off return, its signing key made on its own computer. */
function boardWithKey(name: string): Board {
  const core = createTestCore();
  const { board } = sampleBoard(core, name);
  const key = core.call('signing.createKey', { boardId: board.id });
  expect(key.key?.label).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  return { core, boardId: board.id, publicKey: core.call('signing.exportPublicKey', { boardId: board.id }), signed: core.call('exchange.export', { boardId: board.id }) as Doc };
}

/** A copy of a return changed by `change`, its digest recomputed (a forger can always do that). */
function forged(doc: Doc, change: (copy: Doc) => void): string {
  const copy = structuredClone(doc);
  change(copy);
  copy.digest = exchangeDigest(copy);
  return serialiseReturn(copy);
}

/** A base64 value with one bit of its eleventh byte flipped. */
function flipBit(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[10] = bytes[10]! ^ 1;
  return bytes.toString('base64');
}

describe('signed returns', () => {
  it('keeps the private key in a file only this account can read, and never puts it in the public key file or the return', () => {
    const borders = boardWithKey('NHS Borders');
    const keysFolder = path.join(path.dirname(borders.core.file), 'keys');
    const [keyFile] = fs.readdirSync(keysFolder);
    expect(keyFile).toBe(`board-${borders.boardId}.pem`);
    expect(fs.statSync(keysFolder).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(keysFolder, keyFile!)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(keysFolder, keyFile!), 'utf8')).toContain('PRIVATE KEY');
    for (const text of [borders.publicKey.content, serialiseReturn(borders.signed)]) expect(text).not.toContain('PRIVATE KEY');
    expect(borders.publicKey.fileName).toBe('nhs-borders-public-key.json');
    expect(JSON.parse(borders.publicKey.content)).toMatchObject({ format: 'mhea-board-public-key', board: { id: borders.boardId, name: 'NHS Borders' }, algorithm: 'Ed25519' });
    // A second key replaces the first only when asked, because the collator must register it again.
    expect(borders.core.raw('signing.createKey', { boardId: borders.boardId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: ['replace'] }] } });
    const replaced = borders.core.call('signing.createKey', { boardId: borders.boardId, replace: true });
    expect(replaced.key!.keyId).not.toBe(JSON.parse(borders.publicKey.content).keyId);
    expect(borders.core.call('audit.list', { limit: 5 }).filter((e) => e.entity === 'signing key')).toHaveLength(2);
    borders.core.close();
  });

  it('accepts a return signed by the key registered for its board, saying who signed it', () => {
    const borders = boardWithKey('NHS Borders');
    const collator = createTestCore();
    const registered = collator.call('signing.registerKey', borders.publicKey);
    expect(registered).toMatchObject({ boardName: 'NHS Borders', boardId: borders.boardId });
    // The same file again changes nothing.
    expect(collator.call('signing.registerKey', borders.publicKey)).toEqual(registered);

    const content = serialiseReturn(borders.signed);
    const verified = collator.call('exchange.verify', { fileName: 'borders.json', content });
    expect(verified).toMatchObject({ ok: true, signedBy: { board: 'NHS Borders', keyId: registered.keyId, label: registered.label } });
    expect(verified.checks).toContain(`Signature by key ${registered.label} is valid for this content`);
    expect(verified.checks).toContain(`Signed by NHS Borders, key ${registered.label} (registered 2026-11-23)`);
    const imported = collator.call('exchange.import', { fileName: 'borders.json', content });
    expect(imported.signedBy).toEqual({ board: 'NHS Borders', keyId: registered.keyId, label: registered.label });
    borders.core.close();
    collator.close();
  });

  it('refuses a bad, unknown or borrowed signature and an unsigned return from a board with a key, writing nothing', () => {
    const borders = boardWithKey('NHS Borders');
    const fife = boardWithKey('NHS Fife');
    const collator = createTestCore();
    collator.call('signing.registerKey', borders.publicKey);
    collator.call('signing.registerKey', fife.publicKey);
    const bordersKey = JSON.parse(borders.publicKey.content) as { keyId: string };
    const label = (keyId: string) => (keyId.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join(' ');
    const stranger = generateKeyPairSync('ed25519');
    const signature = borders.signed.signature!;

    const cases: [string, string, RegExp][] = [
      ['altered-after-signing.json', forged(borders.signed, (d) => (d.wards[0]!.bedCount += 1)), new RegExp(`^altered-after-signing\\.json: its signature \\(key ${label(bordersKey.keyId)}\\) does not match its content: the file was changed after it was signed`)],
      ['signature-bits-flipped.json', serialiseReturn({ ...borders.signed, signature: { ...signature, value: flipBit(signature.value) } }), /does not match its content/],
      ['key-swapped.json', serialiseReturn({ ...borders.signed, signature: { ...signature, publicKey: fife.signed.signature!.publicKey } }), new RegExp(`its signature names key ${label(bordersKey.keyId)} but carries another public key`)],
      ['unknown-key.json', (() => {
        const copy = structuredClone(borders.signed);
        copy.signature = signDigest(copy.digest, stranger.privateKey, stranger.publicKey);
        return serialiseReturn(copy);
      })(), /^unknown-key\.json: it is signed with key [0-9A-F ]{19}, which is not registered here: register the public key of NHS Borders/],
      ['signed-by-fife.json', (() => {
        // Borders' return, re-signed by Fife's key (Fife is registered, but for Fife).
        const copy = structuredClone(borders.signed);
        const fifeKey = createKeyStore(keysFolderFor(fife.core.file)).read(fife.boardId)!;
        copy.signature = signDigest(copy.digest, fifeKey.privateKey, fifeKey.publicKey);
        return serialiseReturn(copy);
      })(), /^signed-by-fife\.json: it is signed with key [0-9A-F ]{19}, which is registered for NHS Fife, not for NHS Borders$/],
      ['signature-stripped.json', serialiseReturn({ ...borders.signed, signature: undefined }), new RegExp(`^signature-stripped\\.json: it is not signed, but NHS Borders has a registered signing key \\(${label(bordersKey.keyId)}\\): its returns must be signed$`)],
      ['wrong-algorithm.json', serialiseReturn({ ...borders.signed, signature: { ...signature, algorithm: 'RSA' as 'Ed25519' } }), /does not match the exchange format: signature\.algorithm/],
    ];
    const before = dumpStore(collator);
    for (const [fileName, content, problem] of cases) {
      const verified = collator.call('exchange.verify', { fileName, content });
      expect(verified.ok, fileName).toBe(false);
      expect(verified.problem, fileName).toMatch(problem);
      const refused = collator.raw('exchange.import', { fileName, content });
      expect(refused, fileName).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(problem) } });
    }
    expect(dumpStore(collator)).toBe(before);

    // A lost laptop: its key taken off the register; from then on its signatures are refused.
    collator.call('signing.removeKey', { keyId: bordersKey.keyId });
    const afterRemoval = collator.call('exchange.verify', { fileName: 'borders.json', content: serialiseReturn(borders.signed) });
    expect(afterRemoval.problem).toMatch(/which is not registered here/);
    for (const core of [borders.core, fife.core, collator]) core.close();
  });

  it('accepts an unsigned return only from a board with no registered key, marked as not signed, until the collator refuses them all', () => {
    const source = createTestCore();
    const { board } = sampleBoard(source, 'NHS Orkney');
    const unsigned = serialiseReturn(source.call('exchange.export', { boardId: board.id }));
    expect(unsigned).not.toContain('"signature"');
    source.close();

    const collator = createTestCore();
    expect(collator.call('signing.status', {}).unsignedReturns).toBe('accept_from_boards_without_key');
    const checked = collator.call('exchange.verify', { fileName: 'orkney.json', content: unsigned });
    expect(checked).toMatchObject({ ok: true, signedBy: null });
    expect(checked.checks.at(-1)).toBe('Not signed: accepted because NHS Orkney has no registered key and unsigned returns are accepted here');

    collator.call('signing.setUnsignedReturns', { policy: 'refuse' });
    expect(collator.call('signing.status', {}).unsignedReturns).toBe('refuse');
    const refused = collator.raw('exchange.import', { fileName: 'orkney.json', content: unsigned });
    expect(!refused.ok && refused.error.message).toBe('orkney.json: it is not signed, and this database accepts signed returns only (Signing keys → Unsigned returns)');
    expect(collator.call('audit.list', { entityId: 'unsignedReturns', limit: 1 })).toMatchObject([{ before: { value: 'accept_from_boards_without_key' }, after: { value: 'refuse' } }]);
    collator.close();
  });

  it('refuses a public key file that was altered, or a key already registered for another board', () => {
    const borders = boardWithKey('NHS Borders');
    const collator = createTestCore();
    const file = JSON.parse(borders.publicKey.content) as Record<string, unknown>;
    const attempts: [string, string, string, RegExp][] = [
      ['VALIDATION', 'altered.json', JSON.stringify({ ...file, keyId: 'a'.repeat(64) }), /^altered\.json: its key id does not match its public key \(the file was altered\)$/],
      ['VALIDATION', 'not-a-key.json', '{"hello":"world"}', /^not-a-key\.json: is not a board’s public key file/],
      ['VALIDATION', 'broken.json', '{', /^broken\.json: is not valid JSON/],
    ];
    collator.call('signing.registerKey', borders.publicKey);
    attempts.push(['ALREADY_EXISTS', 'other-board.json', JSON.stringify({ ...file, board: { id: '00000000-0000-4000-8000-000000000001', name: 'NHS Impostor', code: null } }), /^other-board\.json: key [0-9A-F ]{19} is already registered for NHS Borders; one key belongs to one board\.$/]);
    for (const [code, fileName, content, problem] of attempts) {
      const result = collator.raw('signing.registerKey', { fileName, content });
      expect(result, fileName).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(problem) } });
    }
    expect(collator.call('signing.status', {}).registered).toHaveLength(1);
    borders.core.close();
    collator.close();
  });

  it('works from the command line: make, export and register a key, export a signed return, verify and import it', { timeout: processBudget(7) }, () => {
    const dir = tempDir();
    const boardDb = path.join(dir, 'board', 'estates.sqlite');
    const national = path.join(dir, 'national', 'estates.sqlite');
    const setup = createTestCore({ file: boardDb });
    const { board } = sampleBoard(setup, 'NHS Shetland');
    setup.close();

    expect(cli('keys', 'create', '--board', board.id, '--db', boardDb).stdout).toMatch(/^Made NHS Shetland's signing key [0-9A-F ]{19}\./);
    const keyFile = path.join(dir, 'shetland-key.json');
    expect(cli('keys', 'export', '--board', board.id, '--out', keyFile, '--db', boardDb).code).toBe(0);
    const returnFile = path.join(dir, 'shetland.json');
    const exported = cli('export', '--board', board.id, '--out', returnFile, '--db', boardDb);
    expect(exported.stdout).toMatch(/Signed with NHS Shetland's key [0-9A-F ]{19}\./);

    const registered = cli('keys', 'register', keyFile, '--db', national);
    expect(registered.stdout).toMatch(/^Registered NHS Shetland's key [0-9A-F ]{19}/);
    const listed = cli('keys', 'list', '--db', national);
    expect(listed.stdout).toMatch(/Registered boards' keys \(for collation\): \n {2}NHS Shetland: key [0-9A-F ]{19}/);
    const verified = cli('verify', returnFile, '--db', national);
    expect(verified.stdout).toMatch(/✓ Signed by NHS Shetland, key [0-9A-F ]{19} \(registered/);
    const imported = cli('import', returnFile, '--db', national);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Signed by NHS Shetland, key [0-9A-F ]{19}\.$/m);
  });
});
