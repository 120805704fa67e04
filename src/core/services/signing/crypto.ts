import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { keyLabel, signedMessage, SIGNATURE_ALGORITHM, type ExchangeSignature } from '../../../shared/exchange/signature';

// Ed25519 through node:crypto: the signature over a return's digest, and its check.

export function publicKeyDer(publicKey: KeyObject): Buffer {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`A signing key must be Ed25519, not ${publicKey.asymmetricKeyType ?? 'unknown'}`);
  return publicKey.export({ format: 'der', type: 'spki' });
}

/** A key's id: SHA-256 (hex) of its public key's DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKeyDer(publicKey)).digest('hex');
}

export function signDigest(digest: string, privateKey: KeyObject, publicKey: KeyObject): ExchangeSignature {
  return {
    algorithm: SIGNATURE_ALGORITHM,
    keyId: keyIdOf(publicKey),
    publicKey: publicKeyDer(publicKey).toString('base64'),
    value: sign(null, Buffer.from(signedMessage(digest), 'utf8'), privateKey).toString('base64'),
  };
}

/** Why a signature does not hold for this digest, or null when it does. */
export function signatureProblem(digest: string, signature: ExchangeSignature): string | null {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return 'its signature carries a public key that cannot be read';
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') return `its signature carries a ${publicKey.asymmetricKeyType ?? 'unknown'} key, not an Ed25519 one`;
  if (keyIdOf(publicKey) !== signature.keyId) return `its signature names key ${keyLabel(signature.keyId)} but carries another public key`;
  const valid = verify(null, Buffer.from(signedMessage(digest), 'utf8'), publicKey, Buffer.from(signature.value, 'base64'));
  return valid ? null : `its signature (key ${keyLabel(signature.keyId)}) does not match its content: the file was changed after it was signed, or the signature was not made with that key`;
}
