import type { SourceKind } from '../types.js';

/**
 * A mapping says, for ONE target object, which column(s) of a file fill which field and how.
 * It is stored as JSON exactly in this shape (schemas/mapping.schema.json), so a saved file is
 * what an admin reads and edits:
 *
 * ```json
 * {
 *   "version": 1, "object": "Contact", "source": "outlook", "language": "de",
 *   "fields": {
 *     "FirstName": "Vorname",                                   // one column
 *     "LeadSource": "=Trade Show",                               // a constant ("=" prefix)
 *     "MailingStreet": { "join": ["Straße geschäftlich", "Straße geschäftlich 2"], "separator": "\n" },
 *     "Phone": { "firstOf": ["Telefon geschäftlich", "Telefon Firma"] },  // first non-empty
 *     "Email": { "firstOf": [{ "column": "E-Mail-Adresse", "exchangeTypeColumn": "E-Mail-Typ",
 *                              "displayNameColumn": "E-Mail: Angezeigter Name" }] },
 *     "Account.Name": "Firma",                                   // pseudo-field: link/create the Account
 *     "Owner": "Besitzer"                                        // pseudo-field: resolved to a user
 *   },
 *   "splits": [{ "column": "Contact", "splitter": "name", "into": { "first": "FirstName", "last": "LastName" } }],
 *   "ignore": ["Hobby"],
 *   "unmapped": ["Kinder"]
 * }
 * ```
 *
 * Column names are compared like headers (trimmed, case-folded). When a header occurs more than
 * once (French Outlook's "Titre"), `"Titre#2"` names the second one.
 */
export const MAPPING_VERSION = 1;

/** A column reference inside `firstOf`: a name, or a name with the helper columns its rule needs. */
export type ColumnRef =
  | string
  | {
      column: string;
      /** Outlook "E-mail Type": when its value is `EX` the address is inside `displayNameColumn`. */
      exchangeTypeColumn?: string;
      /** Outlook "E-mail Display Name", formatted "Name (user@domain)". */
      displayNameColumn?: string;
      /** Google "Phone 1 - Label": used with the rule's `labels` to pick e.g. the Mobile number. */
      labelColumn?: string;
    };

export interface ColumnRule {
  column: string;
  exchangeTypeColumn?: string;
  displayNameColumn?: string;
  /** Google ` ::: ` multi-values: take the primary (first) value. */
  multiValue?: boolean;
}

export interface JoinRule {
  /** Non-empty values of these columns, in order, joined by `separator` (default a space). */
  join: string[];
  separator?: string;
  multiValue?: boolean;
}

export interface FirstOfRule {
  /** The first column with a non-empty value wins (e.g. Email ← "E-mail Address" else "E-mail 2 Address"). */
  firstOf: ColumnRef[];
  /**
   * Only columns whose `labelColumn` value (case-insensitive, Google's "* " primary marker
   * removed) is one of these count; `""` accepts an empty label. Columns without a
   * `labelColumn` always count.
   */
  labels?: string[];
  multiValue?: boolean;
}

export interface ConstantRule {
  constant: string;
}

/** `"Column"`, `"=constant"`, or one of the rule objects. */
export type FieldRule = string | ColumnRule | JoinRule | FirstOfRule | ConstantRule;

/** The parts the `name` splitter (splitPersonName in src/core/clean/names.ts) produces. */
export const NAME_PARTS = ['salutation', 'first', 'middle', 'last', 'suffix'] as const;
export type NamePart = (typeof NAME_PARTS)[number];

export const SPLITTERS = { name: NAME_PARTS } as const;
export type SplitterName = keyof typeof SPLITTERS;

/** One column cut into several fields by a named splitter (a full-name column → FirstName, LastName...). */
export interface SplitRule {
  column: string;
  splitter: SplitterName;
  /** Splitter part → target field. */
  into: Partial<Record<NamePart, string>>;
}

export interface Mapping {
  version: typeof MAPPING_VERSION;
  /** Target object API name: Contact, Lead, Account... */
  object: string;
  source?: SourceKind;
  language?: string;
  /** Target field (API name, `Account.Name`, `Owner`, or a custom `X__c`) → rule. */
  fields: Record<string, FieldRule>;
  splits?: SplitRule[];
  /** Columns deliberately not imported. */
  ignore?: string[];
  /** Columns nothing maps (informational; written by `mapping suggest`). */
  unmapped?: string[];
}

/** Pseudo-fields the import pipeline resolves: the Account a contact belongs to, and the record owner. */
export const ACCOUNT_NAME_FIELD = 'Account.Name';
export const OWNER_FIELD = 'Owner';
