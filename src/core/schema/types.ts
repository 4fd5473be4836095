/** Metadata describing CRM objects and their fields, independent of storage. */
export type FieldType =
  | 'id'
  | 'text'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'number'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'checkbox'
  | 'reference';

export interface FieldDef {
  /** API name, e.g. `LastName` or `Legacy_Id__c`; also the column name. */
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** Maximum characters for text-like fields. */
  length?: number;
  /** Total digits and digits after the point, for number/currency/percent. */
  precision?: number;
  scale?: number;
  /** For references: the object(s) the id may point at. */
  referenceTo?: string[];
  /** Set by the system, never by --set or imports (Id, CreatedDate, ...). */
  readOnly?: boolean;
  /** Added by an admin (`field add`); stored in field_def. */
  custom?: boolean;
  /** An external id: indexed, usable as an upsert/lookup key. */
  externalId?: boolean;
  defaultValue?: string;
}

export interface ObjectDef {
  name: string;
  label: string;
  pluralLabel: string;
  /** Salesforce key prefix, the first three characters of every id. */
  keyPrefix: string;
  fields: FieldDef[];
  /** Fields whose values make up the record's display name. */
  nameFields: string[];
}

export interface PicklistValueDef {
  value: string;
  isDefault?: boolean;
  /** Opportunity stages only. */
  probability?: number;
  forecastCategory?: 'Pipeline' | 'Best Case' | 'Commit' | 'Closed' | 'Omitted';
  isClosed?: boolean;
  isWon?: boolean;
}
