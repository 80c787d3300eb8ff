import type { SealedCollection } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { listModels } from './lists/list.model';

/** 密钥轮换 — where matching keeps sealed personal data (the lists' segments, sealed bytes). */
export function sealedFields(conn: Connection): SealedCollection[] {
  return [{ model: listModels(conn).segments, fields: ['data'] }];
}
