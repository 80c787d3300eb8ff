import { randomUUID } from 'node:crypto';
import {
  allOf,
  AppError,
  areaWithin,
  bi,
  conflict,
  countyWide,
  type ListQuery,
  notFound,
  type Principal,
  type ScopedRepository,
  unprocessable,
  withOutbox,
  actorOf,
} from '@fupin/kit';
import { monthDays, shanghaiMonth } from '../common/calendar';
import { childAreaOf } from '../common/scope';
import { notInFuture } from '../common/terms';
import type { HelperService } from '../helpers/helper.service';
import { headNameOf, type HouseholdDirectory } from '../households/household.directory';
import type { PairingService } from '../pairings/pairing.service';
import { visitRecorded } from './visit.events';
import type { StoredPhoto, Visit, VisitLocation } from './visit.model';
import { entryDelay, MAX_PHOTOS_PER_VISIT, PHOTO_TYPES } from './visit.rules';
import type { HouseholdMove } from '../households/household.directory';
import { shanghaiDateOf } from '@fupin/reference';

export interface VisitInput {
  householdId: string;
  helperId: string;
  /** The day of the visit, or the instant (its Shanghai day is the visit's day). */
  date?: string;
  visitedAt?: string;
  findings: string;
  actions: string;
  nextSteps: string;
  location?: VisitLocation | null;
}

export interface VisitFilter {
  area?: string;
  householdId?: string;
  helperId?: string;
  month?: string;
  from?: string;
  to?: string;
  lateEntry?: boolean;
}

export type VisitView = Omit<Visit, '_id' | 'outbox' | 'hasOutbox' | 'outboxLease'> & {
  id: string;
  photos: (Visit['photos'][number] & { url: string })[];
};

/** A household its helper(s) did not visit in a month (每月至少一次入户走访). */
export interface UnvisitedRow {
  id: string;
  householdId: string;
  householdNo: string;
  headName: string | null;
  areaCode: string;
  status: string | null;
  month: string;
  /** The paired helpers who owed a visit that month and made none. */
  helpers: { helperId: string; helperName: string; role: string }[];
  lastVisitDate: string | null;
}

export interface UnvisitedFilter {
  area?: string;
  helperId?: string;
}

export interface MonthVisitStats {
  areaCode: string;
  householdsDue: number;
  householdsVisited: number;
  householdsUnvisited: number;
  visits: number;
  lateEntries: number;
}

const MISSING = { what: bi('走访记录', 'Visit'), code: 'ASSISTANCE_VISIT_NOT_FOUND' };
/**
 * The registry moves a household (its visits and their photos follow it), and the last visit
 * of households already chosen inside the caller's scope.
 */
const COUNTY = countyWide(
  "visits of households moved by the registry or already in the caller's scope",
);

/** A lean read gives BSON Binary, not a Buffer: its bytes up to its position. */
function bytesOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const bin = data as { buffer: Uint8Array; position: number };
  return Buffer.from(bin.buffer.buffer, bin.buffer.byteOffset, bin.position);
}

/** Where this service serves a visit's photo. */
export const photoUrl = (visitId: string, photoId: string) =>
  `/visits/${visitId}/photos/${photoId}`;

export function visitView(v: Visit): VisitView {
  const { _id, outbox: _o, hasOutbox: _h, outboxLease: _l, ...rest } = v;
  return {
    id: _id,
    ...rest,
    photos: v.photos.map((ph) => ({ ...ph, url: photoUrl(_id, ph.id) })),
  };
}

/**
 * 入户走访 — recording visits (late entries flagged), their photos, and the month view of
 * households their helper did not visit, on Asia/Shanghai calendar months.
 */
export class VisitService {
  constructor(
    private readonly deps: {
      /** Visits and their photos, each in its household's area. */
      visits: ScopedRepository<Visit>;
      photos: ScopedRepository<StoredPhoto>;
      helpers: HelperService;
      households: HouseholdDirectory;
      pairings: PairingService;
      eventsStored: () => void;
      now: () => Date;
      photoMaxBytes: number;
    },
  ) {}

  get photoMaxBytes(): number {
    return this.deps.photoMaxBytes;
  }

  /** The month a view is about: the one asked for, or the current month in Shanghai. */
  monthOf(month: string | undefined): string {
    return month ?? shanghaiMonth(this.deps.now());
  }

  async record(p: Principal, input: VisitInput): Promise<VisitView> {
    const day = this.dayOf(input);
    const household = await this.deps.households.getActive(p, input.householdId);
    const helper = await this.deps.helpers.forWork(p, input.helperId);
    const now = this.deps.now();
    const delay = entryDelay(day, now);
    const doc: Visit = {
      _id: randomUUID(),
      householdId: household._id,
      householdNo: household.householdNo,
      areaCode: household.areaCode,
      helperId: helper._id,
      helperName: helper.name,
      date: day,
      month: day.slice(0, 7),
      visitedAt: input.visitedAt ? new Date(input.visitedAt) : null,
      findings: input.findings,
      actions: input.actions,
      nextSteps: input.nextSteps,
      location: input.location ?? null,
      photos: [],
      recordedAt: now,
      recordedBy: p.userId,
      entryDelayDays: delay.days,
      lateEntry: delay.late,
    };
    await this.deps.visits.create(p, withOutbox(doc, [visitRecorded(doc, actorOf(p))]));
    this.deps.eventsStored();
    return visitView(doc);
  }

  private dayOf(input: Pick<VisitInput, 'date' | 'visitedAt'>): string {
    const fromInstant = input.visitedAt ? shanghaiDateOf(new Date(input.visitedAt)) : undefined;
    const day = input.date ?? fromInstant;
    const field = input.date ? 'date' : 'visitedAt';
    if (!day)
      throw unprocessable(
        'ASSISTANCE_VISIT_DATE_REQUIRED',
        bi('请填写走访日期', 'Give the day of the visit'),
        [{ field: 'date', code: 'required', message: bi('必填', 'required') }],
      );
    if (input.date && fromInstant && fromInstant !== input.date)
      throw unprocessable(
        'ASSISTANCE_VISIT_DATE_MISMATCH',
        bi(
          `走访时间在北京时间是 ${fromInstant}，与日期 ${input.date} 不一致`,
          `The visit time is ${fromInstant} in Beijing time, not ${input.date}`,
        ),
        [{ field: 'date', code: 'mismatch', message: bi('日期不一致', 'dates disagree') }],
      );
    notInFuture(day, this.deps.now(), field);
    return day;
  }

  private async load(p: Principal, id: string): Promise<Visit> {
    return this.deps.visits.get(p, id, MISSING);
  }

  async get(p: Principal, id: string): Promise<VisitView> {
    return visitView(await this.load(p, id));
  }

  /** Keeps a photo of a visit: an allowed image type (checked on its bytes), within the size limit. */
  async addPhoto(
    p: Principal,
    visitId: string,
    file: { contentType: string; data: Buffer; name: string | null },
  ): Promise<VisitView> {
    const visit = await this.load(p, visitId);
    const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    const matches = PHOTO_TYPES[type];
    if (!matches || !matches(file.data))
      throw new AppError(
        415,
        'ASSISTANCE_PHOTO_TYPE',
        bi(
          '照片须为 JPEG、PNG 或 WebP 图片，且内容与类型一致',
          'A photo must be a JPEG, PNG or WebP image whose content matches its type',
        ),
        { extra: { allowed: Object.keys(PHOTO_TYPES) } },
      );
    if (file.data.length > this.deps.photoMaxBytes)
      throw new AppError(
        413,
        'ASSISTANCE_PHOTO_TOO_LARGE',
        bi('照片过大', 'The photo is too large'),
      );
    if (visit.photos.length >= MAX_PHOTOS_PER_VISIT) throw this.tooManyPhotos();
    const now = this.deps.now();
    const stored: StoredPhoto = {
      _id: randomUUID(),
      visitId,
      areaCode: visit.areaCode,
      contentType: type,
      bytes: file.data.length,
      data: file.data,
      uploadedAt: now,
    };
    await this.deps.photos.create(p, stored);
    const meta = {
      id: stored._id,
      contentType: type,
      bytes: stored.bytes,
      name: file.name,
      uploadedAt: now,
    };
    // The limit holds under concurrent uploads: the push only happens below it.
    const res = await this.deps.visits.updateOne(
      p,
      { _id: visitId, [`photos.${MAX_PHOTOS_PER_VISIT - 1}`]: { $exists: false } },
      { $push: { photos: meta } },
    );
    if (res.modifiedCount === 0) {
      await this.deps.photos.deleteOne(p, { _id: stored._id });
      throw this.tooManyPhotos();
    }
    return visitView({ ...visit, photos: [...visit.photos, meta] });
  }

  private tooManyPhotos() {
    return conflict(
      'ASSISTANCE_VISIT_PHOTO_LIMIT',
      bi(
        `每次走访最多上传 ${MAX_PHOTOS_PER_VISIT} 张照片`,
        `A visit keeps at most ${MAX_PHOTOS_PER_VISIT} photos`,
      ),
    );
  }

  async photo(p: Principal, visitId: string, photoId: string): Promise<StoredPhoto> {
    await this.load(p, visitId);
    const photo = await this.deps.photos.findOne(p, { _id: photoId, visitId });
    if (!photo) throw notFound(bi('照片', 'Photo'), 'ASSISTANCE_PHOTO_NOT_FOUND');
    return { ...photo, data: bytesOf(photo.data) };
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  filterOf(f: VisitFilter): Record<string, unknown> {
    const and: Record<string, unknown>[] = [f.area ? areaWithin(f.area) : {}];
    if (f.householdId) and.push({ householdId: f.householdId });
    if (f.helperId) and.push({ helperId: f.helperId });
    if (f.month) and.push({ month: f.month });
    if (f.from) and.push({ date: { $gte: f.from } });
    if (f.to) and.push({ date: { $lte: f.to } });
    if (f.lateEntry !== undefined) and.push({ lateEntry: f.lateEntry });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<VisitFilter>) {
    const { items, total } = await this.deps.visits.page(p, this.filterOf(q.filter), q);
    return { items: items.map(visitView), total };
  }

  cursor(p: Principal, f: VisitFilter): AsyncIterable<Visit> {
    return this.deps.visits.cursor(p, this.filterOf(f), { sort: { date: 1, _id: 1 } });
  }

  /**
   * 未走访户 — households whose paired helper made no visit in the month. A pairing owes a
   * visit when it had begun by the month's last day and did not end within the month.
   */
  async unvisited(p: Principal, month: string, f: UnvisitedFilter): Promise<UnvisitedRow[]> {
    const { first, last } = monthDays(month);
    const due = (await this.deps.pairings.dueInMonth(p, last, f.area)).filter(
      (d) => !f.helperId || d.helperId === f.helperId,
    );
    if (due.length === 0) return [];
    const visited = new Set(
      (
        await this.deps.visits.find(
          p,
          allOf(f.area ? areaWithin(f.area) : undefined, { date: { $gte: first, $lte: last } }),
          { projection: { helperId: 1, householdId: 1 } },
        )
      ).map((v) => `${v.helperId}:${v.householdId}`),
    );
    const missing = new Map<string, UnvisitedRow>();
    for (const d of due) {
      if (visited.has(`${d.helperId}:${d.householdId}`)) continue;
      const row = missing.get(d.householdId) ?? {
        id: d.householdId,
        householdId: d.householdId,
        householdNo: d.householdNo,
        headName: null,
        areaCode: d.areaCode,
        status: null,
        month,
        helpers: [],
        lastVisitDate: null,
      };
      row.helpers.push({ helperId: d.helperId, helperName: d.helperName, role: d.role });
      missing.set(d.householdId, row);
    }
    const ids = [...missing.keys()];
    const [households, lastVisits] = await Promise.all([
      this.deps.households.byIds(ids),
      this.lastVisits(ids, last),
    ]);
    for (const row of missing.values()) {
      const h = households.get(row.householdId);
      if (h) {
        row.headName = headNameOf(h);
        row.status = h.status;
      }
      row.lastVisitDate = lastVisits.get(row.householdId) ?? null;
    }
    return [...missing.values()];
  }

  private async lastVisits(householdIds: string[], until: string): Promise<Map<string, string>> {
    if (householdIds.length === 0) return new Map();
    const rows = await this.deps.visits.aggregate<{ _id: string; last: string }>(COUNTY, [
      { $match: { householdId: { $in: householdIds }, date: { $lte: until } } },
      { $group: { _id: '$householdId', last: { $max: '$date' } } },
    ]);
    return new Map(rows.map((r) => [r._id, r.last]));
  }

  /** Visits of a month by the area one level below the scope (the dashboard). */
  async monthStats(p: Principal, month: string, area?: string): Promise<MonthVisitStats[]> {
    const scope = area ?? p.areaCode;
    const { first, last } = monthDays(month);
    const [due, unvisited, visits] = await Promise.all([
      this.deps.pairings.dueInMonth(p, last, area),
      this.unvisited(p, month, area ? { area } : {}),
      this.deps.visits.find(
        p,
        allOf(area ? areaWithin(area) : undefined, { date: { $gte: first, $lte: last } }),
        { projection: { areaCode: 1, lateEntry: 1 } },
      ),
    ]);
    const rows = new Map<string, MonthVisitStats>();
    const row = (code: string) => {
      const key = childAreaOf(code, scope);
      let r = rows.get(key);
      if (!r) {
        r = {
          areaCode: key,
          householdsDue: 0,
          householdsVisited: 0,
          householdsUnvisited: 0,
          visits: 0,
          lateEntries: 0,
        };
        rows.set(key, r);
      }
      return r;
    };
    const dueHouseholds = new Map(due.map((d) => [d.householdId, d.areaCode]));
    for (const code of dueHouseholds.values()) row(code).householdsDue++;
    for (const u of unvisited) row(u.areaCode).householdsUnvisited++;
    for (const r of rows.values()) r.householdsVisited = r.householdsDue - r.householdsUnvisited;
    for (const v of visits) {
      const r = row(v.areaCode);
      r.visits++;
      if (v.lateEntry) r.lateEntries++;
    }
    return [...rows.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode));
  }

  async householdsMoved(moves: HouseholdMove[]): Promise<void> {
    if (moves.length === 0) return;
    await this.deps.visits.bulkUpdate(
      COUNTY,
      moves.map((m) => ({
        filter: { householdId: m.householdId },
        update: { $set: { areaCode: m.areaCode } },
        many: true,
      })),
      { ordered: false },
    );
    // Photos carry their visit's area: one read of the moved households' visits, one write.
    const visits = await this.deps.visits.find(
      COUNTY,
      { householdId: { $in: moves.map((m) => m.householdId) } },
      { projection: { _id: 1, areaCode: 1 } },
    );
    if (visits.length === 0) return;
    await this.deps.photos.bulkUpdate(
      COUNTY,
      visits.map((v) => ({
        filter: { visitId: v._id },
        update: { $set: { areaCode: v.areaCode } },
        many: true,
      })),
      { ordered: false },
    );
  }
}
