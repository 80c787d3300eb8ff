import { type Connection, Schema } from 'mongoose';

export const ASSIGNMENT_KINDS = ['leader', 'department', 'first_secretary'] as const;
/**
 * leader 领导挂点 (a leader attached to a village), department 部门包村 (a unit takes a village),
 * first_secretary 驻村第一书记 (one per village at a time).
 */
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** 挂包帮 at village level: who is attached to a village, for which term. */
export interface VillageAssignment {
  _id: string;
  kind: AssignmentKind;
  /** The village (12-digit code); scoping uses it. */
  areaCode: string;
  /** The cadre, when registered as a helper. */
  helperId: string | null;
  personName: string | null;
  position: string | null;
  /** 派出单位 — the sending unit (the department itself for 部门包村). */
  unit: string;
  department: string | null;
  startDate: string;
  endDate: string | null;
  status: 'active' | 'ended';
  endReason: string | null;
  /** The village while this is its active first secretary; otherwise unique per record. */
  slot: string;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  revision: number;
}

const assignmentSchema = new Schema<VillageAssignment>(
  {
    _id: String,
    kind: { type: String, required: true, enum: ASSIGNMENT_KINDS },
    areaCode: { type: String, required: true },
    helperId: { type: String, default: null },
    personName: { type: String, default: null },
    position: { type: String, default: null },
    unit: { type: String, required: true },
    department: { type: String, default: null },
    startDate: { type: String, required: true },
    endDate: { type: String, default: null },
    status: { type: String, required: true, enum: ['active', 'ended'] },
    endReason: { type: String, default: null },
    slot: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'village_assignments', versionKey: false, minimize: false },
);
assignmentSchema.index({ slot: 1 }, { unique: true });
assignmentSchema.index({ areaCode: 1, kind: 1, status: 1 });
// The list's filters, each followed by the scope range (one index walks both).
assignmentSchema.index({ status: 1, areaCode: 1 });
assignmentSchema.index({ kind: 1, areaCode: 1 });
assignmentSchema.index({ helperId: 1, areaCode: 1 });

export function villageAssignmentModel(conn: Connection) {
  return conn.models.VillageAssignment
    ? conn.model<VillageAssignment>('VillageAssignment')
    : conn.model<VillageAssignment>('VillageAssignment', assignmentSchema);
}
export type VillageAssignmentModel = ReturnType<typeof villageAssignmentModel>;

export const TEAM_ROLES = ['leader', 'first_secretary', 'member'] as const;
/** 队长, 第一书记, 队员. */
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A member of a work team with their own term (members rotate within the team's term). */
export interface TeamMember {
  id: string;
  name: string;
  helperId: string | null;
  role: TeamRole;
  unit: string | null;
  from: string;
  to: string | null;
}

/** 驻村工作队 — the team a village receives, with its members and terms. */
export interface WorkTeam {
  _id: string;
  areaCode: string;
  name: string | null;
  /** 派出单位. */
  unit: string;
  termStart: string;
  termEnd: string | null;
  members: TeamMember[];
  status: 'active' | 'ended';
  /** The village while the team is active: one active team per village. */
  slot: string;
  history: { at: Date; actorId: string; actorName: string; action: string; note: string | null }[];
  createdAt: Date;
  updatedAt: Date;
  revision: number;
}

const memberSchema = new Schema<TeamMember>(
  {
    id: { type: String, required: true },
    name: { type: String, required: true },
    helperId: { type: String, default: null },
    role: { type: String, required: true, enum: TEAM_ROLES },
    unit: { type: String, default: null },
    from: { type: String, required: true },
    to: { type: String, default: null },
  },
  { _id: false },
);

const workTeamSchema = new Schema<WorkTeam>(
  {
    _id: String,
    areaCode: { type: String, required: true },
    name: { type: String, default: null },
    unit: { type: String, required: true },
    termStart: { type: String, required: true },
    termEnd: { type: String, default: null },
    members: { type: [memberSchema], default: [] },
    status: { type: String, required: true, enum: ['active', 'ended'] },
    slot: { type: String, required: true },
    history: { type: Schema.Types.Mixed, default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'work_teams', versionKey: false, minimize: false },
);
workTeamSchema.index({ slot: 1 }, { unique: true });
workTeamSchema.index({ areaCode: 1, status: 1 });
// Teams by status within the caller's area.
workTeamSchema.index({ status: 1, areaCode: 1 });

export function workTeamModel(conn: Connection) {
  return conn.models.WorkTeam
    ? conn.model<WorkTeam>('WorkTeam')
    : conn.model<WorkTeam>('WorkTeam', workTeamSchema);
}
export type WorkTeamModel = ReturnType<typeof workTeamModel>;
