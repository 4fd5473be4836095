import { CrmError } from '../../errors.js';
import { ColumnIndex } from './columns.js';
import type { ColumnRef, FieldRule, Mapping, NamePart, SplitterName } from './types.js';
import { bareObject } from '../../records/bare-object.js';

/**
 * Applying a mapping to rows. `compileMapping` resolves every column name to an index ONCE and
 * builds one small closure per field, so mapping a row is a few array reads and no lookups by
 * name: it runs for every row of a million-row import.
 *
 * Output per row (`MappedRow`):
 * - `fields`: target field → value, on an object that inherits nothing (bareObject: untrusted names never reach
 *   Object.prototype). Values are trimmed; an empty result is `null` (the field is mapped but empty).
 * - `splits`: values a splitter must still cut, e.g. `{ splitter: 'name', value: 'Dr. Anna Bērziņa',
 *   into: { first: 'FirstName', last: 'LastName' } }`. The cleaner (splitPersonName) fills those
 *   fields ONLY where `fields` has no value, so explicit First/Last Name columns win.
 * - `exchange`: fields whose value came from an Outlook "E-mail Display Name" because the type
 *   was `EX` (the value is "Name (user@domain)"; the e-mail cleaner takes the address from it).
 */
export interface RowSplit {
  splitter: SplitterName;
  value: string;
  into: Partial<Record<NamePart, string>>;
}

export interface MappedRow {
  fields: Record<string, string | null>;
  splits: RowSplit[];
  exchange?: string[];
}

export type RowMapper = (values: readonly string[]) => MappedRow;

/** Google joins several values of one cell with " ::: ". */
const MULTI_SEPARATOR = ' ::: ';
const EXCHANGE_TYPE = 'ex';

type Getter = (values: readonly string[]) => string | null;
interface Picked {
  value: string | null;
  exchange: boolean;
}
type RefGetter = (values: readonly string[]) => Picked;

const cell = (values: readonly string[], index: number): string => {
  const v = values[index];
  return v === undefined ? '' : v.trim();
};

/** The primary of a " ::: " list: Google puts it first. */
function primary(value: string): string {
  if (!value.includes(MULTI_SEPARATOR)) return value;
  for (const part of value.split(MULTI_SEPARATOR)) {
    const p = part.trim();
    if (p) return p;
  }
  return '';
}

/** Primary among " ::: " values, following a "* "-marked label in a parallel " ::: " label list. */
function primaryByLabel(value: string, label: string): string {
  if (!value.includes(MULTI_SEPARATOR) || !label.includes(MULTI_SEPARATOR)) return primary(value);
  const values = value.split(MULTI_SEPARATOR);
  const marked = label.split(MULTI_SEPARATOR).findIndex((l) => l.trim().startsWith('* '));
  const chosen = marked >= 0 ? values[marked]?.trim() : undefined;
  return chosen ? chosen : primary(value);
}

const normaliseLabel = (label: string): string => label.trim().replace(/^\*\s*/, '').trim().toLowerCase();

export function compileMapping(mapping: Mapping, headers: readonly string[]): RowMapper {
  const columns = new ColumnIndex(headers);
  const indexOf = (name: string, path: string): number => {
    const index = columns.find(name);
    if (index < 0) {
      throw new CrmError('BAD_INPUT_FILE', `${path}: column "${name}" is not in the file.`, {
        hint: 'Try: crmctl mapping suggest <file> --save <mapping.json> to write a mapping for this file.',
        details: { column: name, headers },
      });
    }
    return index;
  };

  const refGetter = (ref: ColumnRef, multiValue: boolean, path: string): { get: RefGetter; labelIndex: number } => {
    const r = typeof ref === 'string' ? { column: ref } : ref;
    const index = indexOf(r.column, path);
    const labelIndex = r.labelColumn === undefined ? -1 : indexOf(r.labelColumn, path);
    const typeIndex = r.exchangeTypeColumn === undefined ? -1 : indexOf(r.exchangeTypeColumn, path);
    const nameIndex = r.displayNameColumn === undefined ? -1 : indexOf(r.displayNameColumn, path);
    const get: RefGetter = (values) => {
      if (typeIndex >= 0 && cell(values, typeIndex).toLowerCase() === EXCHANGE_TYPE) {
        const display = cell(values, nameIndex);
        if (display) return { value: display, exchange: true };
      }
      let v = cell(values, index);
      if (multiValue && v) v = labelIndex >= 0 ? primaryByLabel(v, cell(values, labelIndex)) : primary(v);
      return { value: v === '' ? null : v, exchange: false };
    };
    return { get, labelIndex };
  };

  const fieldGetters: Array<{ field: string; get: RefGetter }> = [];
  for (const [field, rule] of Object.entries(mapping.fields)) {
    fieldGetters.push({ field, get: compileRule(rule, `fields.${field}`) });
  }

  function compileRule(rule: FieldRule, path: string): RefGetter {
    if (typeof rule === 'string') {
      if (rule.startsWith('=')) {
        const constant: Picked = { value: rule.slice(1) === '' ? null : rule.slice(1), exchange: false };
        return () => constant;
      }
      return refGetter(rule, false, path).get;
    }
    if ('constant' in rule) {
      const constant: Picked = { value: rule.constant === '' ? null : rule.constant, exchange: false };
      return () => constant;
    }
    const multiValue = rule.multiValue === true;
    if ('column' in rule) return refGetter(rule, multiValue, path).get;
    if ('join' in rule) {
      const getters: Getter[] = rule.join.map((c) => {
        const g = refGetter(c, multiValue, path).get;
        return (values) => g(values).value;
      });
      const separator = rule.separator ?? ' ';
      return (values) => {
        let out = '';
        for (const g of getters) {
          const v = g(values);
          if (v) out = out ? out + separator + v : v;
        }
        return { value: out === '' ? null : out, exchange: false };
      };
    }
    const accepted = rule.labels ? new Set(rule.labels.map(normaliseLabel)) : undefined;
    const refs = rule.firstOf.map((ref) => refGetter(ref, multiValue, path));
    return (values) => {
      for (const ref of refs) {
        if (accepted && ref.labelIndex >= 0 && !accepted.has(normaliseLabel(cell(values, ref.labelIndex).split(MULTI_SEPARATOR)[0] ?? ''))) continue;
        const picked = ref.get(values);
        if (picked.value !== null) return picked;
      }
      return { value: null, exchange: false };
    };
  }

  const splitGetters = (mapping.splits ?? []).map((split, i) => ({
    index: indexOf(split.column, `splits[${i}].column`),
    splitter: split.splitter,
    into: split.into,
  }));

  return (values) => {
    const fields = bareObject<string | null>();
    let exchange: string[] | undefined;
    for (const { field, get } of fieldGetters) {
      const picked = get(values);
      fields[field] = picked.value;
      if (picked.exchange) (exchange ??= []).push(field);
    }
    const splits: RowSplit[] = [];
    for (const s of splitGetters) {
      const value = cell(values, s.index);
      if (value) splits.push({ splitter: s.splitter, value, into: s.into });
    }
    return exchange ? { fields, splits, exchange } : { fields, splits };
  };
}
