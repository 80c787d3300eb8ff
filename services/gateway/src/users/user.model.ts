import { type Connection, Schema } from 'mongoose';
import type { Department, Rights, Role } from './roles';

/** A person who signs in: roles, department, area scope and rights per module. */
export interface User {
  _id: string;
  /** Lower case; unique. */
  username: string;
  displayName: string;
  roles: Role[];
  department: Department | null;
  /** 12-digit area code of the user's scope: the county, a township or a village. */
  areaCode: string;
  rights: Rights;
  status: 'active' | 'disabled';
  passwordHash: string;
  /** An initial or reset password: no token is issued until the user has changed it. */
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  updatedBy: string;
  revision: number;
}

const userSchema = new Schema<User>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true },
    displayName: { type: String, required: true, maxlength: 100 },
    roles: { type: [String], required: true },
    department: { type: String, default: null },
    areaCode: { type: String, required: true },
    rights: { type: Schema.Types.Mixed, required: true, default: {} },
    status: { type: String, required: true, enum: ['active', 'disabled'], default: 'active' },
    passwordHash: { type: String, required: true, select: false },
    mustChangePassword: { type: Boolean, required: true, default: true },
    lockedUntil: { type: Date, default: null },
    passwordChangedAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
    revision: { type: Number, required: true, default: 1 },
  },
  { collection: 'users', versionKey: false, minimize: false },
);
userSchema.index({ username: 1 }, { unique: true });
userSchema.index({ areaCode: 1 });
// The list's filters, each followed by the scope range (one index walks both).
userSchema.index({ roles: 1, areaCode: 1 });
userSchema.index({ status: 1, areaCode: 1 });
userSchema.index({ department: 1, areaCode: 1 });

export function userModel(conn: Connection) {
  return conn.models.User ? conn.model<User>('User') : conn.model<User>('User', userSchema);
}
export type UserModel = ReturnType<typeof userModel>;

/** A user as the API shows it: never the password hash. */
export function userView(u: User) {
  return {
    id: u._id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    department: u.department,
    areaCode: u.areaCode,
    rights: u.rights,
    status: u.status,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    revision: u.revision,
  };
}
export type UserView = ReturnType<typeof userView>;
