import { type OutboxFields, outboxPlugin } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';

export interface VisitPhoto {
  id: string;
  contentType: string;
  bytes: number;
  name: string | null;
  uploadedAt: Date;
}

export interface VisitLocation {
  latitude: number;
  longitude: number;
  address: string | null;
}

/** 入户走访 — a helper's home visit: what was found, what was done, what comes next. */
export interface Visit extends OutboxFields {
  _id: string;
  householdId: string;
  householdNo: string;
  areaCode: string;
  helperId: string;
  helperName: string;
  /** The visit's calendar day in Asia/Shanghai. */
  date: string;
  /** `YYYY-MM` of `date`: the month the visit counts for. */
  month: string;
  /** The instant, when the client sent one. */
  visitedAt: Date | null;
  findings: string;
  actions: string;
  nextSteps: string;
  location: VisitLocation | null;
  photos: VisitPhoto[];
  recordedAt: Date;
  recordedBy: string;
  /** Days between the visit and its entry; more than 10 is a late entry (补录). */
  entryDelayDays: number;
  lateEntry: boolean;
}

const visitSchema = new Schema<Visit>(
  {
    _id: String,
    householdId: { type: String, required: true },
    householdNo: { type: String, required: true },
    areaCode: { type: String, required: true },
    helperId: { type: String, required: true },
    helperName: { type: String, required: true },
    date: { type: String, required: true },
    month: { type: String, required: true },
    visitedAt: { type: Date, default: null },
    findings: { type: String, default: '' },
    actions: { type: String, default: '' },
    nextSteps: { type: String, default: '' },
    location: { type: Schema.Types.Mixed, default: null },
    photos: { type: Schema.Types.Mixed, default: [] },
    recordedAt: { type: Date, required: true },
    recordedBy: { type: String, required: true },
    entryDelayDays: { type: Number, required: true },
    lateEntry: { type: Boolean, required: true },
  },
  { collection: 'visits', versionKey: false, minimize: false },
);
visitSchema.plugin(outboxPlugin);
visitSchema.index({ areaCode: 1, month: 1 });
visitSchema.index({ householdId: 1, date: -1 });
visitSchema.index({ helperId: 1, month: 1 });
visitSchema.index({ month: 1, lateEntry: 1 });
// The list's filters, each followed by the scope range (one index walks both).
visitSchema.index({ householdId: 1, areaCode: 1 });
visitSchema.index({ helperId: 1, areaCode: 1 });
visitSchema.index({ month: 1, areaCode: 1 });

export function visitModel(conn: Connection) {
  return conn.models.Visit ? conn.model<Visit>('Visit') : conn.model<Visit>('Visit', visitSchema);
}
export type VisitModel = ReturnType<typeof visitModel>;

/**
 * A visit photo's bytes, one bounded document each (GridFS is not on every MongoDB-protocol
 * server we run on, and the size limit keeps a photo far below the 16 MB document limit).
 */
export interface StoredPhoto {
  _id: string;
  visitId: string;
  areaCode: string;
  contentType: string;
  bytes: number;
  data: Buffer;
  uploadedAt: Date;
}

const photoSchema = new Schema<StoredPhoto>(
  {
    _id: String,
    visitId: { type: String, required: true },
    areaCode: { type: String, required: true },
    contentType: { type: String, required: true },
    bytes: { type: Number, required: true },
    data: { type: Buffer, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { collection: 'visit_photos', versionKey: false },
);
photoSchema.index({ visitId: 1 });

export function photoModel(conn: Connection) {
  return conn.models.VisitPhoto
    ? conn.model<StoredPhoto>('VisitPhoto')
    : conn.model<StoredPhoto>('VisitPhoto', photoSchema);
}
export type PhotoModel = ReturnType<typeof photoModel>;
