import type { ObjectDef } from '../schema/types.js';
import type { OrgDb } from '../store/database.js';
import type { SqlFragment } from '../store/filter-sql.js';
import type { CrmRecord } from '../store/records.js';
import { findUserById, type UserSummary } from '../store/users.js';
import { isChildObject, isSharedObject, recordMatchesPredicate, sharingPredicate, type VisibilityDescription } from '../store/visibility-sql.js';
import { permissionDenied, ProfileAccessPolicy, type AccessPolicy, type ObjectAction } from './access.js';
import { checkRecordAccess } from './reference-checker.js';
import { loadSharingWorld } from './sharing-world.js';
import { describeVisibility } from './visibility.js';

/**
 * The full sharing model: profile object permissions first, then org-wide
 * defaults, ownership, the role hierarchy, account teams and queues, as SQL
 * predicates so lists stay fast on large orgs.
 */
export class SharingAccessPolicy implements AccessPolicy {
  private objectPolicy: ProfileAccessPolicy;
  private description: VisibilityDescription | undefined;

  constructor(
    private readonly db: OrgDb,
    readonly user: UserSummary,
  ) {
    this.objectPolicy = new ProfileAccessPolicy(db, user);
  }

  /** Forget the computed visibility after a setup change (sharing, roles, teams) in the same session. */
  refresh(): void {
    this.description = undefined;
    // The acting user's own role or profile may have changed too.
    this.objectPolicy = new ProfileAccessPolicy(this.db, findUserById(this.db, this.user.id) ?? this.user);
  }

  /** Computed on first use: commands that touch no records never pay for it. */
  private describe(): VisibilityDescription {
    return (this.description ??= describeVisibility(this.db, findUserById(this.db, this.user.id) ?? this.user));
  }

  requireObject(object: ObjectDef, action: ObjectAction): void {
    this.objectPolicy.requireObject(object, action);
  }

  readVisibility(object: ObjectDef): SqlFragment | undefined {
    return sharingPredicate(this.describe(), object.name, 'read');
  }

  /** Rows the user may edit; for bulk changes that must skip what they may only read. */
  editVisibility(object: ObjectDef): SqlFragment | undefined {
    return sharingPredicate(this.describe(), object.name, 'edit');
  }

  canRead(object: ObjectDef, record: CrmRecord): boolean {
    return recordMatchesPredicate(this.db, object.name, String(record.Id), this.readVisibility(object));
  }

  requireRecordEdit(object: ObjectDef, record: CrmRecord, action: 'edit' | 'delete' = 'edit'): void {
    this.requireObject(object, action);
    const id = String(record.Id);
    if (action === 'delete') {
      if (this.mayDelete(object, record)) return;
      throw permissionDenied(
        this.user,
        `delete ${object.name} ${id}: only its owner, users above the owner in the role hierarchy and profiles with Modify All may delete it`,
        `Ask the owner or an administrator; see: crmctl access explain ${this.user.username} ${object.name.toLowerCase()} ${id}`,
      );
    }
    if (recordMatchesPredicate(this.db, object.name, id, this.editVisibility(object))) return;
    const decision = checkRecordAccess(loadSharingWorld(this.db), this.user.id, object.name, record);
    const why = decision.reasons.filter((r) => r.grants === 'none').map((r) => r.text).join('; ');
    throw permissionDenied(
      this.user,
      `edit ${object.name} ${id}${why ? `: ${why}` : ''}`,
      `Ask the owner or an administrator for access; see: crmctl access explain ${this.user.username} ${object.name.toLowerCase()} ${id}`,
    );
  }

  /** Salesforce lets only the owner, their superiors and Modify All delete a shared record; sharing never grants delete. */
  private mayDelete(object: ObjectDef, record: CrmRecord): boolean {
    const desc = this.describe();
    if (desc.permissions(object.name).modifyAll) return true;
    // A contact role goes with its opportunity: whoever may edit that opportunity may remove it.
    if (object.name === 'OpportunityContactRole') return recordMatchesPredicate(this.db, object.name, String(record.Id), this.editVisibility(object));
    if (!isSharedObject(object.name) && !isChildObject(object.name)) return true;
    const owner = record.OwnerId;
    return owner === this.user.id || (typeof owner === 'string' && desc.subordinateUserIds.includes(owner));
  }
}

/** After a setup change, make the session's policy see it (other policies have nothing cached). */
export function refreshAccess(access: AccessPolicy): void {
  if (access instanceof SharingAccessPolicy) access.refresh();
}
