/**
 * The backup key: 32 bytes, base64, from BACKUP_KEY. Without it nothing is written or read —
 * a backup holds personal data, so an unencrypted copy is never an option.
 */
export function backupKeyFrom(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env.BACKUP_KEY;
  if (!raw)
    throw new Error(
      'BACKUP_KEY is not set: give 32 random bytes in base64 (openssl rand -base64 32); backups are always encrypted',
    );
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new Error(`BACKUP_KEY must be 32 bytes in base64; it decodes to ${key.length} bytes`);
  return key;
}
