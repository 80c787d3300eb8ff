import { type Connection, Schema } from 'mongoose';

/**
 * A refresh token, stored only as its SHA-256 hash. Each refresh uses one up and issues the
 * next in the same session (rotation); presenting a used one again revokes the session.
 */
export interface RefreshToken {
  _id: string;
  sessionId: string;
  userId: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

const refreshTokenSchema = new Schema<RefreshToken>(
  {
    _id: { type: String, required: true },
    sessionId: { type: String, required: true },
    userId: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'refresh_tokens', versionKey: false },
);
refreshTokenSchema.index({ sessionId: 1 });
refreshTokenSchema.index({ userId: 1, revokedAt: 1 });

export function refreshTokenModel(conn: Connection) {
  return conn.models.RefreshToken
    ? conn.model<RefreshToken>('RefreshToken')
    : conn.model<RefreshToken>('RefreshToken', refreshTokenSchema);
}
export type RefreshTokenModel = ReturnType<typeof refreshTokenModel>;
