import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  type JWK,
  type KeyLike,
} from 'jose';

export type SigningAlg = 'ES256' | 'EdDSA' | 'RS256';

/** The key that signs access tokens, and the public keys the JWKS serves. */
export interface SigningKeys {
  alg: SigningAlg;
  kid: string;
  privateKey: KeyLike;
  publicKeyPem: string;
  jwks: { keys: JWK[] };
}

function algOf(pem: string): SigningAlg {
  const key = pem.includes('PRIVATE KEY') ? createPrivateKey(pem) : createPublicKey(pem);
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'EdDSA';
    case 'rsa':
      return 'RS256';
    case 'ec':
      if (key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
      break;
    default:
      break;
  }
  throw new Error('AUTH_SIGNING_KEY must be an Ed25519, EC P-256 or RSA private key');
}

async function publicJwk(publicKeyPem: string): Promise<JWK> {
  const alg = algOf(publicKeyPem);
  const jwk = await exportJWK(await importSPKI(publicKeyPem, alg, { extractable: true }));
  return { ...jwk, alg, use: 'sig', kid: await calculateJwkThumbprint(jwk) };
}

/**
 * Loads the signing key from PEM (production), or generates a pair (development and tests).
 * The key id is the public key's JWK thumbprint, so a rotated key gets a new id by itself;
 * previous public keys stay in the JWKS until tokens signed with them have expired.
 */
export async function loadSigningKeys(opts: {
  privateKeyPem?: string | undefined;
  previousPublicKeysPem?: string | undefined;
  production: boolean;
}): Promise<SigningKeys> {
  let pem = opts.privateKeyPem?.trim();
  if (!pem) {
    if (opts.production) throw new Error('AUTH_SIGNING_KEY is required in production');
    const pair = await generateKeyPair('ES256', { extractable: true });
    pem = await exportPKCS8(pair.privateKey);
  }
  const alg = algOf(pem);
  const privateKey = await importPKCS8(pem, alg);
  const publicKeyPem = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
  const current = await publicJwk(publicKeyPem);
  const previous = await Promise.all(
    (opts.previousPublicKeysPem ?? '')
      .split(/(?=-----BEGIN PUBLIC KEY-----)/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map(publicJwk),
  );
  return {
    alg,
    kid: current.kid!,
    privateKey,
    publicKeyPem,
    jwks: { keys: [current, ...previous.filter((k) => k.kid !== current.kid)] },
  };
}

/** PEM of a generated pair, for tests that configure the gateway like production. */
export async function generateSigningKeyPem(alg: SigningAlg = 'ES256'): Promise<string> {
  const pair = await generateKeyPair(alg, { extractable: true });
  return exportPKCS8(pair.privateKey);
}
