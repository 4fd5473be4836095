import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { listBackups } from '../backup/backup.js';
import type { ObjectRegistry } from '../org/objects.js';
import type { OrgDb } from '../store/database.js';
import { schemaVersion } from '../store/database.js';
import { foreignKeyCheck, integrityCheck, orphanedReferences, pageStats, tableRowCounts, unfinishedRows } from '../store/health.js';
import { LATEST_SCHEMA_VERSION } from '../store/migrations.js';

/**
 * `crmctl doctor`: is the org file sound, and did anything stop half-way?
 * Every check reports ok or what is wrong; `ok` is true only when all pass.
 */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  summary: string;
  details?: unknown;
}

export interface DoctorReport {
  ok: boolean;
  db: string;
  schemaVersion: number;
  checks: DoctorCheck[];
  size: { orgBytes: number; walBytes: number; backups: number; backupBytes: number };
  counts: Record<string, number>;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

export function runDoctor(db: OrgDb, objects: ObjectRegistry): DoctorReport {
  const checks: DoctorCheck[] = [];
  const integrity = integrityCheck(db);
  checks.push({ name: 'integrity', ok: integrity.length === 0, summary: integrity.length === 0 ? 'PRAGMA integrity_check: ok' : `${integrity.length} problem(s): ${integrity[0]}`, ...(integrity.length ? { details: integrity.slice(0, 20) } : {}) });
  const fk = foreignKeyCheck(db);
  checks.push({ name: 'foreign-keys', ok: fk.length === 0, summary: fk.length === 0 ? 'PRAGMA foreign_key_check: ok' : `${fk.length} row(s) point at missing parents (first: ${fk[0]!.table} → ${fk[0]!.parent})`, ...(fk.length ? { details: fk.slice(0, 20) } : {}) });
  const version = schemaVersion(db);
  checks.push({
    name: 'schema',
    ok: version <= LATEST_SCHEMA_VERSION,
    summary:
      version === LATEST_SCHEMA_VERSION
        ? `schema version ${version}, current`
        : version < LATEST_SCHEMA_VERSION
          ? `schema version ${version}; the next command that writes upgrades it to ${LATEST_SCHEMA_VERSION}`
          : `schema version ${version} is newer than this crmctl knows (${LATEST_SCHEMA_VERSION}); upgrade crmctl`,
  });
  const orphans = orphanedReferences(db, objects.all(), { Queue: 'queue' });
  checks.push({
    name: 'orphans',
    ok: orphans.length === 0,
    summary: orphans.length === 0 ? 'no references to missing records' : orphans.map((o) => `${o.count} ${o.object}.${o.field}`).join(', ') + ' point at missing records',
    ...(orphans.length ? { details: orphans } : {}),
  });
  // Work other commands leave behind only when interrupted.
  const unfinished: string[] = [];
  const unfinishedMigrations = unfinishedRows(db, 'migrate_job', "status = 'running'");
  if (unfinishedMigrations > 0) unfinished.push(`${unfinishedMigrations} migration(s) stopped part-way (resume with crmctl migrate <plan> --resume)`);
  const dir = dirname(db.path);
  const partials = existsSync(dir) && db.path !== ':memory:' ? readdirSync(dir).filter((f) => f.endsWith('.partial') || f.endsWith('.restoring')) : [];
  if (partials.length > 0) unfinished.push(`${partials.length} half-written file(s) next to the org: ${partials.slice(0, 3).join(', ')}`);
  checks.push({ name: 'unfinished', ok: unfinished.length === 0, summary: unfinished.length === 0 ? 'nothing left unfinished' : unfinished.join('; ') });
  const backups = db.path === ':memory:' ? [] : listBackups(db.path);
  const pages = pageStats(db);
  const objectNames = objects.all().map((o) => o.name);
  return {
    ok: checks.every((c) => c.ok),
    db: db.path,
    schemaVersion: version,
    checks,
    size: {
      orgBytes: db.path === ':memory:' ? pages.pageCount * pages.pageSize : fileSize(db.path),
      walBytes: fileSize(`${db.path}-wal`),
      backups: backups.length,
      backupBytes: backups.reduce((t, b) => t + b.bytes, 0),
    },
    counts: tableRowCounts(db, objectNames),
  };
}

