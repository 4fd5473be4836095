import type { ObjectDef } from '../schema/types.js';
import type { OrgDb } from './database.js';
import { quoteIdent } from './sql.js';

/** Low-level health checks of the org file; all SQL for `crmctl doctor` lives here. */
export function integrityCheck(db: OrgDb): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
}

export interface ForeignKeyProblem {
  table: string;
  rowid: number;
  parent: string;
}

export function foreignKeyCheck(db: OrgDb): ForeignKeyProblem[] {
  return (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
}

export interface OrphanCount {
  object: string;
  field: string;
  count: number;
  examples: string[];
}

/**
 * References to records that do not exist, including polymorphic ones SQLite
 * cannot enforce (Task.WhoId/WhatId, Lead.OwnerId → user or queue).
 */
export function orphanedReferences(db: OrgDb, objects: readonly ObjectDef[], extraTargets: Record<string, string> = {}): OrphanCount[] {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const result: OrphanCount[] = [];
  for (const object of objects) {
    for (const field of object.fields) {
      if (field.type !== 'reference' || !field.referenceTo) continue;
      const targets = field.referenceTo.map((t) => extraTargets[t] ?? t).filter((t) => tables.has(t));
      if (targets.length === 0) continue;
      const exists = targets.map((t) => `EXISTS (SELECT 1 FROM ${quoteIdent(t)} p WHERE p."Id" = r.${quoteIdent(field.name)})`).join(' OR ');
      const sql = `SELECT r."Id" AS id FROM ${quoteIdent(object.name)} r WHERE r.${quoteIdent(field.name)} IS NOT NULL AND NOT (${exists})`;
      const rows = db.prepare(sql).all() as { id: string }[];
      if (rows.length > 0) result.push({ object: object.name, field: field.name, count: rows.length, examples: rows.slice(0, 5).map((r) => r.id) });
    }
  }
  return result;
}

export function tableRowCounts(db: OrgDb, names: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(name)}`).get() as { n: number }).n;
  return out;
}

export function pageStats(db: OrgDb): { pageSize: number; pageCount: number; freelistCount: number } {
  return {
    pageSize: db.pragma('page_size', { simple: true }) as number,
    pageCount: db.pragma('page_count', { simple: true }) as number,
    freelistCount: db.pragma('freelist_count', { simple: true }) as number,
  };
}

/** Rows of a status table that say work was started and never finished (for tables other features add). */
export function unfinishedRows(db: OrgDb, table: string, where: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(table)} WHERE ${where}`).get() as { n: number }).n;
}
