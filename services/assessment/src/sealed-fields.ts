import type { SealedCollection } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { complaintModel } from './complaints/complaint.model';

/** 密钥轮换 — where assessment keeps sealed personal data (the complainants'), for the reseal. */
export function sealedFields(conn: Connection): SealedCollection[] {
  return [{ model: complaintModel(conn), fields: ['complainantName', 'complainantPhone'] }];
}
