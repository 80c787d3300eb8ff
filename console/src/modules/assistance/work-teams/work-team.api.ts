import type { ResourceApi } from '../../types';
import { changedWithRevision, compact, createWith } from '../assistance.api';

const MEMBER_KEYS = ['name', 'helperId', 'role', 'unit', 'from', 'to'] as const;

const membersOf = (d: Record<string, unknown>, keys: readonly string[]) =>
  (Array.isArray(d.members) ? (d.members as Record<string, unknown>[]) : []).map((m) =>
    compact(m, keys),
  );
const teamFields = changedWithRevision(['name', 'unit', 'termStart', 'termEnd']);

export const workTeamApi: ResourceApi = {
  create: createWith('work-teams', ['areaCode', 'name', 'unit', 'termStart', 'termEnd'], (d) => ({
    members: membersOf(d, MEMBER_KEYS),
  })),
  // The changed fields against the revision loaded; the members, when any changed, whole
  // (each kept one with its id, so its history stays its own).
  updateBody: (data, previous) => {
    const members = membersOf(data, ['id', ...MEMBER_KEYS]);
    const changed =
      JSON.stringify(members) !== JSON.stringify(membersOf(previous, ['id', ...MEMBER_KEYS]));
    return { ...teamFields(data, previous), ...(changed ? { members } : {}) };
  },
};
