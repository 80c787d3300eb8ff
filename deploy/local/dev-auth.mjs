// Development-only signing keys for local runs, until the gateway issues real tokens.
// `node dev-auth.mjs public-key` prints the PEM public key (creating the pair once under
// deploy/local/.run/dev-auth); `node dev-auth.mjs token [area] [module:right,...]` prints a token.
import fs from 'node:fs';
import path from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT } from 'jose';

const dir = path.join(
  process.env.FUPIN_LOCAL_RUN_DIR ?? path.join(import.meta.dirname, '.run'),
  'dev-auth',
);
const privateFile = path.join(dir, 'private.pem');
const publicFile = path.join(dir, 'public.pem');

async function ensureKeys() {
  if (fs.existsSync(privateFile) && fs.existsSync(publicFile)) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  fs.writeFileSync(privateFile, await exportPKCS8(privateKey), { mode: 0o600 });
  fs.writeFileSync(publicFile, await exportSPKI(publicKey));
}

const [
  command = 'public-key',
  area = '431121000000',
  rights = 'registry:read,registry:write,registry:approve,registry:export',
] = process.argv.slice(2);
await ensureKeys();
if (command === 'pii-env') {
  // Development-only personal-data keys, created once and kept with the local data.
  const file = path.join(dir, 'pii.env');
  if (!fs.existsSync(file)) {
    const { randomBytes } = await import('node:crypto');
    const key = () => randomBytes(32).toString('base64');
    fs.writeFileSync(file, `PII_ENCRYPTION_KEY=${key()}\nPII_HMAC_KEY=${key()}\n`, { mode: 0o600 });
  }
  process.stdout.write(fs.readFileSync(file, 'utf8'));
} else if (command === 'private-key-file') {
  // The gateway signs with this key locally (AUTH_SIGNING_KEY_FILE), so its tokens verify
  // with the public key every local service is given.
  process.stdout.write(`${privateFile}\n`);
} else if (command === 'public-key') {
  process.stdout.write(fs.readFileSync(publicFile, 'utf8'));
} else if (command === 'token') {
  const byModule = {};
  for (const pair of rights.split(',').filter(Boolean)) {
    const [module, right] = pair.split(':');
    (byModule[module] ??= []).push(right);
  }
  const key = await importPKCS8(fs.readFileSync(privateFile, 'utf8'), 'ES256');
  const token = await new SignJWT({ name: 'dev', roles: ['county_admin'], area, rights: byModule })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('dev')
    .setIssuer('fupin-gateway')
    .setAudience('fupin')
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(key);
  process.stdout.write(`${token}\n`);
} else {
  console.error(
    'usage: dev-auth.mjs public-key | private-key-file | pii-env | token [area] [module:right,...]',
  );
  process.exit(2);
}
