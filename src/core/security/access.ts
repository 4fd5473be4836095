import { CrmError } from '../errors.js';
import type { ObjectDef } from '../schema/types.js';
import type { OrgDb } from '../store/database.js';
import type { SqlFragment } from '../store/filter-sql.js';
import type { CrmRecord } from '../store/records.js';
import { objectPermissions, type ObjectPermissionRow, type UserSummary } from '../store/users.js';

export type ObjectAction = 'read' | 'create' | 'edit' | 'delete';

/**
 * What the acting user may do. Every record read and write in core goes
 * through one of these, so sharing rules are enforced in one place.
 */
export interface AccessPolicy {
  readonly user: UserSummary;
  /** Throws PERMISSION_DENIED when the profile lacks the object permission. */
  requireObject(object: ObjectDef, action: ObjectAction): void;
  /** A predicate on alias `r` limiting rows to those the user may read; undefined = all rows. */
  readVisibility(object: ObjectDef): SqlFragment | undefined;
  /** Throws PERMISSION_DENIED when the user may not edit (or delete) this record. */
  requireRecordEdit(object: ObjectDef, record: CrmRecord, action?: 'edit' | 'delete'): void;
  /** Whether the user may read this record (for single-record reads). */
  canRead(object: ObjectDef, record: CrmRecord): boolean;
}

export function permissionDenied(user: UserSummary, what: string, hint?: string): CrmError {
  return new CrmError('PERMISSION_DENIED', `${user.username} (${user.profileName}) may not ${what}.`, {
    hint: hint ?? 'Ask an administrator to grant the permission, or run the command as another user with --as.',
    details: { user: user.username, profile: user.profileName },
  });
}

const ACTION_FLAG: Record<ObjectAction, keyof ObjectPermissionRow> = {
  read: 'read',
  create: 'create',
  edit: 'edit',
  delete: 'delete',
};

/**
 * Object permissions from the user's profile. Records are not restricted
 * further here; the sharing model (OWD, roles, teams) builds on this.
 */
export class ProfileAccessPolicy implements AccessPolicy {
  private readonly cache = new Map<string, ObjectPermissionRow>();

  constructor(
    private readonly db: OrgDb,
    readonly user: UserSummary,
  ) {}

  permissions(object: ObjectDef): ObjectPermissionRow {
    let p = this.cache.get(object.name);
    if (!p) this.cache.set(object.name, (p = objectPermissions(this.db, this.user.profileId, object.name)));
    return p;
  }

  requireObject(object: ObjectDef, action: ObjectAction): void {
    if (!this.permissions(object)[ACTION_FLAG[action]]) {
      throw permissionDenied(this.user, `${action} ${object.pluralLabel.toLowerCase()}`, `The ${this.user.profileName} profile lacks "${action}" on ${object.name}; try: crmctl profile show "${this.user.profileName}".`);
    }
  }

  readVisibility(): SqlFragment | undefined {
    return undefined;
  }

  requireRecordEdit(object: ObjectDef, _record: CrmRecord, action: 'edit' | 'delete' = 'edit'): void {
    this.requireObject(object, action);
  }

  canRead(object: ObjectDef): boolean {
    return this.permissions(object).read;
  }
}
