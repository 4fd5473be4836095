import { STANDARD_OBJECTS, STANDARD_PICKLISTS } from '../schema/standard-objects.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { CrmError } from '../errors.js';
import type { OrgDb } from './database.js';
import { columnType, isAuditStamp, quoteIdent } from './sql.js';
import { STANDARD_PROFILES } from './seed-profiles.js';

/**
 * Numbered schema migrations, tracked in PRAGMA user_version. Each runs in its
 * own transaction; append new ones, never edit a released one.
 */
type Migration = (db: OrgDb) => void;

const MIGRATIONS: Migration[] = [
  // 1: system tables, the standard objects, standard picklists and profiles.
  (db) => {
    db.exec(`
      CREATE TABLE org (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        company TEXT NOT NULL,
        timezone TEXT NOT NULL,
        locale TEXT NOT NULL,
        currency TEXT NOT NULL,
        fiscal_start_month INTEGER NOT NULL CHECK (fiscal_start_month BETWEEN 1 AND 12),
        is_demo INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE id_sequence (object TEXT PRIMARY KEY, next_value INTEGER NOT NULL);
      CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT);
      CREATE TABLE picklist_value (
        object TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        sort_order INTEGER NOT NULL,
        is_default INTEGER NOT NULL DEFAULT 0,
        is_active INTEGER NOT NULL DEFAULT 1,
        probability REAL,
        forecast_category TEXT,
        is_closed INTEGER NOT NULL DEFAULT 0,
        is_won INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (object, field, value)
      );
      CREATE TABLE field_def (
        object TEXT NOT NULL,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        type TEXT NOT NULL,
        length INTEGER,
        precision INTEGER,
        scale INTEGER,
        required INTEGER NOT NULL DEFAULT 0,
        external_id INTEGER NOT NULL DEFAULT 0,
        default_value TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (object, name)
      );
      CREATE TABLE "Profile" (
        "Id" TEXT PRIMARY KEY,
        "Name" TEXT NOT NULL UNIQUE,
        "Description" TEXT,
        "IsCustom" INTEGER NOT NULL DEFAULT 0,
        "UserLicense" TEXT NOT NULL DEFAULT 'Salesforce',
        "CreatedDate" TEXT NOT NULL
      );
      CREATE TABLE profile_object_permission (
        profile_id TEXT NOT NULL REFERENCES "Profile"("Id") ON DELETE CASCADE,
        object TEXT NOT NULL,
        can_read INTEGER NOT NULL DEFAULT 0,
        can_create INTEGER NOT NULL DEFAULT 0,
        can_edit INTEGER NOT NULL DEFAULT 0,
        can_delete INTEGER NOT NULL DEFAULT 0,
        view_all INTEGER NOT NULL DEFAULT 0,
        modify_all INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (profile_id, object)
      );
      CREATE TABLE "UserRole" (
        "Id" TEXT PRIMARY KEY,
        "Name" TEXT NOT NULL UNIQUE,
        "ParentRoleId" TEXT REFERENCES "UserRole"("Id"),
        "CreatedDate" TEXT NOT NULL
      );
      CREATE TABLE user_credential (
        user_id TEXT PRIMARY KEY REFERENCES "User"("Id") ON DELETE CASCADE,
        password_hash TEXT NOT NULL,
        must_change INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE guide_step_done (
        step_id TEXT PRIMARY KEY,
        done_at TEXT NOT NULL,
        done_by TEXT
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        target TEXT,
        old_value TEXT,
        new_value TEXT
      );
      CREATE TABLE recycle_bin (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        object TEXT NOT NULL,
        record_id TEXT NOT NULL,
        data TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT,
        reason TEXT NOT NULL
      );
      CREATE INDEX ix_recycle_bin_record ON recycle_bin (record_id);
      CREATE TABLE command_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user_id TEXT,
        command TEXT NOT NULL
      );
    `);
    for (const object of STANDARD_OBJECTS) createObjectTable(db, object);
    seedPicklists(db);
    seedProfiles(db);
  },
  // 2: import jobs, their id ranges and the previous values of records they updated (for undo).
  (db) => {
    db.exec(`
      CREATE TABLE import_job (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        finished_at TEXT,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'import',
        file TEXT NOT NULL,
        file_sha256 TEXT,
        source TEXT NOT NULL,
        object TEXT NOT NULL,
        mode TEXT NOT NULL,
        is_test INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        options TEXT NOT NULL,
        summary TEXT,
        success_file TEXT,
        errors_file TEXT,
        undone_at TEXT
      );
      CREATE TABLE import_job_created (
        job_id TEXT NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
        object TEXT NOT NULL,
        first_id TEXT NOT NULL,
        last_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (job_id, object, first_id)
      );
      CREATE TABLE import_job_updated (
        job_id TEXT NOT NULL REFERENCES import_job(id) ON DELETE CASCADE,
        object TEXT NOT NULL,
        record_id TEXT NOT NULL,
        previous TEXT NOT NULL,
        PRIMARY KEY (job_id, object, record_id)
      );
    `);
  },
  // Sharing model: org-wide defaults per object, account team roles and members.
  (db) => {
    db.exec(`
      CREATE TABLE sharing_default (
        object TEXT PRIMARY KEY,
        access TEXT NOT NULL CHECK (access IN ('private', 'read', 'read-write', 'controlled-by-parent')),
        updated_at TEXT NOT NULL
      );
      CREATE TABLE account_team_role (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE account_team_member (
        account_id TEXT NOT NULL REFERENCES "Account"("Id") ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES "User"("Id"),
        team_role TEXT NOT NULL,
        account_access TEXT NOT NULL CHECK (account_access IN ('read', 'edit')),
        opportunity_access TEXT NOT NULL CHECK (opportunity_access IN ('none', 'read', 'edit')),
        contact_access TEXT NOT NULL CHECK (contact_access IN ('none', 'read', 'edit')),
        added_at TEXT NOT NULL,
        added_by TEXT,
        PRIMARY KEY (account_id, user_id)
      );
      CREATE INDEX ix_account_team_member_user ON account_team_member (user_id);
    `);
  },
  // Customisation and reporting: page layouts, saved custom reports, backups of removed custom fields.
  (db) => {
    db.exec(`
      CREATE TABLE page_layout (
        object TEXT PRIMARY KEY,
        required TEXT NOT NULL DEFAULT '[]',
        field_order TEXT NOT NULL DEFAULT '[]',
        sections TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL,
        updated_by TEXT
      );
      CREATE TABLE saved_report (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        definition TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT
      );
      CREATE TABLE field_backup (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        object TEXT NOT NULL,
        field TEXT NOT NULL,
        definition TEXT NOT NULL,
        picklist TEXT NOT NULL,
        data TEXT NOT NULL,
        value_count INTEGER NOT NULL,
        removed_at TEXT NOT NULL,
        removed_by TEXT
      );
      CREATE INDEX ix_command_log_user ON command_log (user_id, at);
    `);
  },
  // Merges: what each merge changed, so it can be undone exactly.
  (db) => {
    db.exec(`
      CREATE TABLE merge_job (
        id TEXT PRIMARY KEY,
        object TEXT NOT NULL,
        master_id TEXT NOT NULL,
        merged_ids TEXT NOT NULL,
        master_before TEXT NOT NULL,
        merged_records TEXT NOT NULL,
        moved TEXT NOT NULL,
        team_rows TEXT NOT NULL DEFAULT '[]',
        score REAL,
        created_at TEXT NOT NULL,
        created_by TEXT,
        batch_id TEXT,
        undone_at TEXT
      );
      CREATE INDEX ix_merge_job_batch ON merge_job (batch_id);
    `);
  },
  // Leads: queues and their members, assignment rules with round-robin pointers, partner accounts.
  (db) => {
    db.exec(`
      CREATE TABLE queue (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        object TEXT NOT NULL CHECK (object IN ('Lead', 'Case')),
        created_at TEXT NOT NULL
      );
      CREATE TABLE queue_member (
        queue_id TEXT NOT NULL REFERENCES queue(id) ON DELETE CASCADE,
        member_kind TEXT NOT NULL CHECK (member_kind IN ('user', 'role')),
        member_id TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (queue_id, member_kind, member_id)
      );
      CREATE INDEX ix_queue_member_member ON queue_member (member_kind, member_id);
      CREATE TABLE assignment_rule (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        object TEXT NOT NULL,
        sort_order INTEGER NOT NULL,
        condition TEXT,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('user', 'queue', 'round-robin')),
        target TEXT NOT NULL,
        notify INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (object, sort_order)
      );
      CREATE TABLE round_robin_state (
        rule_id INTEGER PRIMARY KEY REFERENCES assignment_rule(id) ON DELETE CASCADE,
        next_index INTEGER NOT NULL
      );
      CREATE TABLE partner_account (
        account_id TEXT PRIMARY KEY REFERENCES "Account"("Id"),
        executive_role_id TEXT NOT NULL,
        manager_role_id TEXT NOT NULL,
        user_role_id TEXT NOT NULL,
        enabled_at TEXT NOT NULL
      );
    `);
    // Lead statuses that mean "converted" are marked is_won; 'Qualified' is the modern converted status.
    db.exec(`
      UPDATE picklist_value SET is_won = 1 WHERE object = 'Lead' AND field = 'Status' AND value = 'Closed - Converted';
      INSERT OR IGNORE INTO picklist_value (object, field, value, sort_order, is_default, is_active, is_closed, is_won)
        SELECT 'Lead', 'Status', 'Qualified', COALESCE(MAX(sort_order), 0) + 1, 0, 1, 1, 1 FROM picklist_value WHERE object = 'Lead' AND field = 'Status';
    `);
  },
  // Migrations (crmctl migrate): one row per plan run, one per committed step (for --resume and undo).
  (db) => {
    db.exec(`
      CREATE TABLE migrate_job (
        id TEXT PRIMARY KEY,
        plan_file TEXT NOT NULL,
        plan_sha256 TEXT NOT NULL,
        plan_name TEXT,
        user_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'failed', 'completed', 'undone')),
        error TEXT,
        undone_at TEXT
      );
      CREATE INDEX ix_migrate_job_plan ON migrate_job (plan_file, status);
      CREATE TABLE migrate_step (
        migration_id TEXT NOT NULL REFERENCES migrate_job(id),
        step_index INTEGER NOT NULL,
        step_name TEXT NOT NULL,
        import_job_id TEXT NOT NULL,
        summary TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        PRIMARY KEY (migration_id, step_name)
      );
    `);
  },
  // Indexes on references leave out empty values: lookups by a parent's id never ask for NULL, and an
  // import of contacts without "Reports To" no longer writes an index entry per row for nothing.
  (db) => {
    for (const object of STANDARD_OBJECTS) {
      for (const field of object.fields) {
        if (field.type !== 'reference' || isAuditStamp(field)) continue;
        const index = `ix_${object.name}_${field.name}`;
        if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(index)) continue;
        db.exec(`DROP INDEX ${quoteIdent(index)}`);
        db.exec(`CREATE INDEX ${quoteIdent(index)} ON ${quoteIdent(object.name)} (${quoteIdent(field.name)}) WHERE ${quoteIdent(field.name)} IS NOT NULL`);
      }
    }
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function runMigrations(db: OrgDb): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new CrmError('FAILURE', `${db.path} was written by a newer crmctl (schema ${current}, this one knows ${MIGRATIONS.length}).`, {
      hint: 'Upgrade crmctl (npm i -g crmctl@latest) before opening this org.',
    });
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const migrate = MIGRATIONS[version]!;
    db.transaction(() => {
      migrate(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}

function createObjectTable(db: OrgDb, object: ObjectDef): void {
  const columns = object.fields.map((field) => {
    if (field.name === 'Id') return `"Id" TEXT PRIMARY KEY`;
    const target = foreignKeyTarget(field);
    const reference = target ? ` REFERENCES ${quoteIdent(target)}("Id")` : '';
    return `${quoteIdent(field.name)} ${columnType(field)}${reference}`;
  });
  db.exec(`CREATE TABLE ${quoteIdent(object.name)} (${columns.join(', ')})`);
  // Indexes for the lookups every feature makes: owner, parent links, e-mail.
  for (const field of object.fields) {
    const indexed =
      (field.type === 'reference' && !isAuditStamp(field)) ||
      field.name === 'Email' ||
      field.name === 'Username';
    if (indexed) {
      const unique = field.name === 'Username' ? 'UNIQUE ' : '';
      const collate = field.name === 'Email' || field.name === 'Username' ? ' COLLATE NOCASE' : '';
      db.exec(
        `CREATE ${unique}INDEX ${quoteIdent(`ix_${object.name}_${field.name}`)} ON ${quoteIdent(object.name)} (${quoteIdent(field.name)}${collate})`,
      );
    }
  }
}

/** Single-target references get a foreign key; polymorphic ones (WhoId, Lead.OwnerId) and audit fields do not. */
function foreignKeyTarget(field: FieldDef): string | undefined {
  if (field.type !== 'reference' || field.referenceTo?.length !== 1) return undefined;
  if (isAuditStamp(field)) return undefined;
  return field.referenceTo[0];
}

function seedPicklists(db: OrgDb): void {
  const insert = db.prepare(
    `INSERT INTO picklist_value (object, field, value, sort_order, is_default, probability, forecast_category, is_closed, is_won)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [key, values] of Object.entries(STANDARD_PICKLISTS)) {
    const [object, field] = key.split('.') as [string, string];
    values.forEach((v, i) =>
      insert.run(object, field, v.value, i, v.isDefault ? 1 : 0, v.probability ?? null, v.forecastCategory ?? null, v.isClosed ? 1 : 0, v.isWon ? 1 : 0),
    );
  }
}

function seedProfiles(db: OrgDb): void {
  const now = new Date().toISOString();
  const insertProfile = db.prepare(
    `INSERT INTO "Profile" ("Id", "Name", "Description", "IsCustom", "UserLicense", "CreatedDate") VALUES (?, ?, ?, 0, ?, ?)`,
  );
  const insertPermission = db.prepare(
    `INSERT INTO profile_object_permission (profile_id, object, can_read, can_create, can_edit, can_delete, view_all, modify_all)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const profile of STANDARD_PROFILES) {
    insertProfile.run(profile.id, profile.name, profile.description, profile.license, now);
    for (const [object, p] of Object.entries(profile.permissions)) {
      insertPermission.run(profile.id, object, +p.read, +p.create, +p.edit, +p.delete, +p.viewAll, +p.modifyAll);
    }
  }
}
