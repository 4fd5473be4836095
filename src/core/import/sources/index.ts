import type { SourceKind } from '../types.js';
import { ACT_HEADERS } from './act.js';
import { GOOGLE_LEGACY_FIXED, GOOGLE_NEW_FIXED, googleGroupRole } from './google.js';
import { headerKey } from './normalize.js';
import { GOOGLE_OUTLOOK_EXTRA, OUTLOOK_COM_EXTRA, OUTLOOK_EN, OUTLOOK_LANGUAGES, type OutlookLanguage } from './outlook.js';
import type { HeaderTable, Role } from './roles.js';
import { VCARD_HEADERS } from './vcard.js';

export { detectSource, forcedSource, SOURCE_KINDS, type Detection } from './detect.js';
export { foldHeader, headerKey } from './normalize.js';

/** What a known export's table says about one header: its role (null = known, no CRM field). */
export interface TableHit {
  role: Role | null;
}

/**
 * The header lookup of one detected source: header key → roles by occurrence. Localized
 * Outlook consults its language first, then English (Spanish and Brazilian exports mix both).
 */
export class SourceTable {
  private readonly byKey = new Map<string, Array<Role | null>>();

  constructor(
    tables: readonly HeaderTable[],
    private readonly patterns?: (header: string) => Role | null | undefined,
  ) {
    for (const table of tables) {
      const local = new Map<string, Array<Role | null>>();
      for (const [header, role] of table) {
        const key = headerKey(header);
        const list = local.get(key) ?? [];
        list.push(role);
        local.set(key, list);
      }
      for (const [key, roles] of local) if (!this.byKey.has(key)) this.byKey.set(key, roles);
    }
  }

  /** `occurrence` is 1 for the first column with this header, 2 for the second... */
  lookup(header: string, occurrence: number): TableHit | undefined {
    const roles = this.byKey.get(headerKey(header));
    // A repeat beyond the known occurrences is a known header with no meaning of its own.
    if (roles) return { role: occurrence <= roles.length ? roles[occurrence - 1]! : null };
    const role = this.patterns?.(header);
    return role === undefined ? undefined : { role };
  }
}

const tableCache = new Map<string, SourceTable | undefined>();

/** The header table for a source (and Outlook language), or undefined for generic CSV/XLSX. */
export function sourceTable(source: SourceKind, language?: string): SourceTable | undefined {
  const cacheKey = `${source}:${language ?? ''}`;
  if (tableCache.has(cacheKey)) return tableCache.get(cacheKey);
  let table: SourceTable | undefined;
  switch (source) {
    case 'outlook': {
      const local = language && language in OUTLOOK_LANGUAGES ? OUTLOOK_LANGUAGES[language as OutlookLanguage] : OUTLOOK_EN;
      table = new SourceTable([local, OUTLOOK_EN, GOOGLE_OUTLOOK_EXTRA, OUTLOOK_COM_EXTRA]);
      break;
    }
    case 'outlook-com':
      table = new SourceTable([OUTLOOK_EN, OUTLOOK_COM_EXTRA]);
      break;
    case 'google':
      table = new SourceTable([GOOGLE_NEW_FIXED], googleGroupRole);
      break;
    case 'google-legacy':
      table = new SourceTable([GOOGLE_LEGACY_FIXED], googleGroupRole);
      break;
    case 'act':
      table = new SourceTable([ACT_HEADERS]);
      break;
    case 'vcard':
      table = new SourceTable([VCARD_HEADERS]);
      break;
    default:
      table = undefined;
  }
  tableCache.set(cacheKey, table);
  return table;
}

const LABELS: Record<SourceKind, string> = {
  outlook: 'Outlook',
  'outlook-com': 'Outlook.com',
  google: 'Google Contacts',
  'google-legacy': 'Google CSV',
  act: 'ACT!',
  vcard: 'vCard',
  csv: 'CSV',
  xlsx: 'spreadsheet',
};

export function sourceLabel(source: SourceKind, language?: string): string {
  return source === 'outlook' && language && language !== 'en' ? `Outlook (${language})` : LABELS[source];
}
