import type { AuditAnchored, Envelope } from '@fupin/contracts';
import { type ChainAnchor, isDuplicateKey } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import type { z } from 'zod';

type AnchorPayload = z.output<(typeof AuditAnchored)['payload']>;

/**
 * 审计链锚点 — a day's last entry of a service's audit chain as the service published it, kept
 * here apart from the service's own database: its chain must still reach it.
 */
export interface AuditAnchor {
  /** `<service>:<day>`: a redelivered anchor finds itself already there. */
  _id: string;
  service: string;
  day: string;
  seq: number;
  hash: string;
  receivedAt: Date;
}

const anchorSchema = new Schema<AuditAnchor>(
  {
    _id: { type: String, required: true },
    service: { type: String, required: true },
    day: { type: String, required: true },
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'audit_anchors', versionKey: false },
);
// The newest anchor of a service.
anchorSchema.index({ service: 1, seq: -1 });

export function auditAnchorModel(conn: Connection) {
  return conn.models.AuditAnchor
    ? conn.model<AuditAnchor>('AuditAnchor')
    : conn.model<AuditAnchor>('AuditAnchor', anchorSchema);
}

/** The anchors every service publishes on `audit.v1`, kept once each. */
export class AuditAnchorStore {
  constructor(
    private readonly conn: Connection,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get model() {
    return auditAnchorModel(this.conn);
  }

  async store(event: Envelope<AnchorPayload>): Promise<void> {
    const { service, day, seq, hash } = event.payload;
    try {
      await this.model.create({
        _id: `${service}:${day}`,
        service,
        day,
        seq,
        hash,
        receivedAt: this.now(),
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** The newest anchor of a service, if it published one. */
  async newest(service: string): Promise<ChainAnchor | null> {
    const a = await this.model.findOne({ service }).sort({ seq: -1 }).lean();
    return a ? { seq: a.seq, hash: a.hash } : null;
  }
}
