import type { SealedCollection } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { helperModel } from './helpers/helper.model';

/** 密钥轮换 — where assistance keeps sealed personal data (the helpers' phones), for the reseal. */
export function sealedFields(conn: Connection): SealedCollection[] {
  return [{ model: helperModel(conn), fields: ['phone'] }];
}
