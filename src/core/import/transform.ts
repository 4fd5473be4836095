import type { FieldProblem } from '../errors.js';
import { cleanValueForField, type CleanContext } from '../clean/index.js';
import { countryToDefaultPhoneRegion } from '../clean/countries.js';
import type { DateOrder } from '../clean/dates.js';
import { exchangeAddress } from '../clean/emails.js';
import { splitPersonName, type PersonName } from '../clean/names.js';
import type { CountryCode } from '../clean/phones.js';
import { cleanText } from '../clean/text.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import type { MappedRow, RowMapper } from './engine.js';
import { compileMapping, type MappedRow as ColumnValues } from './mapping/compile.js';
import { ACCOUNT_NAME_FIELD, OWNER_FIELD, type Mapping, type NamePart } from './mapping/types.js';
import { bareObject } from '../records/bare-object.js';

/**
 * Mapping + cleaning of one row, as a pure function of plain data (so it can run in a
 * worker thread beside the one writing the org): columns → fields, names split, Exchange
 * addresses resolved, every value cleaned for its field type with the row's country.
 */
export interface TransformConfig {
  mapping: Mapping;
  headers: string[];
  object: ObjectDef;
  /** Day/month order per date field. */
  dateOrders: Record<string, DateOrder>;
  defaultCountry: CountryCode | undefined;
  locale: string;
  /**
   * For files crmctl exported and an admin edited (`crmctl update --from`): an empty cell means
   * "clear the field", and the `'` crmctl put before formula-like text is taken off again.
   */
  roundTrip?: boolean;
}

/** Undo crmctl's formula neutralisation: "'=HYPERLINK(…)" was exported from "=HYPERLINK(…)". */
const NEUTRALISED = /^'[=+\-@\t\r\n\u0000]/;

const NAME_PART_FIELD: Record<NamePart, keyof PersonName> = {
  salutation: 'Salutation',
  first: 'FirstName',
  middle: 'MiddleName',
  last: 'LastName',
  suffix: 'Suffix',
};

const COUNTRY_FIELD: Record<string, string> = { Contact: 'MailingCountry', Lead: 'Country', Account: 'BillingCountry' };

/** Mapping + cleaning as one row function for the engine. */
export function buildRowTransform(config: TransformConfig): RowMapper {
  const compiled = compileMapping(config.mapping, config.headers);
  const fieldsByName = new Map<string, FieldDef>();
  for (const f of config.object.fields) {
    fieldsByName.set(f.name, f);
    fieldsByName.set(f.name.toLowerCase(), f);
  }
  const countryField = COUNTRY_FIELD[config.object.name];
  const locale = config.locale;
  // One context per field and country, found without building key strings on every cell.
  const contexts = new Map<FieldDef, Map<CountryCode | undefined, CleanContext>>();
  const contextFor = (field: FieldDef, country: CountryCode | undefined): CleanContext => {
    let byCountry = contexts.get(field);
    if (!byCountry) contexts.set(field, (byCountry = new Map()));
    let ctx = byCountry.get(country);
    if (!ctx) {
      ctx = { ...(country ? { defaultCountry: country } : {}), ...(config.dateOrders[field.name] ? { dateOrder: config.dateOrders[field.name]! } : {}), locale };
      byCountry.set(country, ctx);
    }
    return ctx;
  };
  const cache = new CleanCache();
  // A file names a few countries and companies thousands of times: read each spelling once.
  const regionOf = memoize((country: string) => countryToDefaultPhoneRegion(country) ?? null);
  const companyName = memoize(cleanText);
  return (values: readonly string[]): MappedRow => {
    const columns: ColumnValues = compiled(values);
    const fields = bareObject<string | null>();
    const problems: FieldProblem[] = [];
    const warnings: string[] = [];
    let account: string | null = null;
    let owner: string | null = null;
    const raw = columns.fields;
    const country = countryField ? raw[countryField] : undefined;
    const rowCountry = (country ? regionOf(country) : undefined) ?? config.defaultCountry;
    const put = (name: string, value: string): void => {
      const field = fieldsByName.get(name) ?? fieldsByName.get(name.toLowerCase());
      if (!field) {
        problems.push({ field: name, message: `${config.object.name} has no such field` });
        return;
      }
      const cleaned = cache.clean(field, value, contextFor(field, rowCountry));
      if (cleaned.problem) problems.push({ field: field.name, message: cleaned.problem });
      else fields[field.name] = cleaned.value;
      if (cleaned.warning) warnings.push(`${field.name}: ${cleaned.warning}`);
    };
    for (const name in raw) {
      const value = raw[name];
      if (name === ACCOUNT_NAME_FIELD) {
        account = value ? companyName(value) : null;
        continue;
      }
      if (name === OWNER_FIELD) {
        owner = cleanText(value ?? null);
        continue;
      }
      if (value === null || value === undefined) {
        if (config.roundTrip) fields[name] = null;
        continue;
      }
      if (config.roundTrip && NEUTRALISED.test(value)) {
        put(name, value.slice(1));
        continue;
      }
      if (columns.exchange?.includes(name)) {
        const address = exchangeAddress(value, 'EX');
        if (address.value) put(name, address.value);
        else if (address.problem) problems.push({ field: name, message: address.problem });
        continue;
      }
      put(name, value);
    }
    for (const split of columns.splits) {
      const parts = splitPersonName(split.value);
      for (const [part, target] of Object.entries(split.into) as [NamePart, string][]) {
        const value = parts[NAME_PART_FIELD[part]];
        if (value && (fields[target] === undefined || fields[target] === null)) put(target, value);
      }
    }
    return { fields, account, owner, problems, warnings };
  };
}

type Cleaned = ReturnType<typeof cleanValueForField>;

/** `fn` with its results remembered for up to 5,000 distinct inputs (then computed each time). */
function memoize<T>(fn: (input: string) => T): (input: string) => T {
  const results = new Map<string, T>();
  return (input) => {
    let result = results.get(input);
    if (result === undefined && !results.has(input)) {
      result = fn(input);
      if (results.size < 5_000) results.set(input, result);
    }
    return result as T;
  };
}

const countrySensitive = (field: FieldDef): boolean => field.type === 'phone' || /(PostalCode|State)$/.test(field.name);

/**
 * Cleaning results per field and value: exports repeat cities, countries, companies and titles
 * thousands of times. A field whose distinct values outgrow the limit (e-mails, names) stops
 * being cached, so memory stays bounded on any file.
 */
class CleanCache {
  private readonly byField = new Map<FieldDef, Map<string, Cleaned> | null>();
  private static readonly LIMIT = 5_000;

  clean(field: FieldDef, value: string, ctx: CleanContext): Cleaned {
    let values = this.byField.get(field);
    if (values === null) return cleanValueForField(field, value, ctx);
    if (values === undefined) this.byField.set(field, (values = new Map()));
    // Only phones, postal codes and states are read differently per country.
    const key = ctx.defaultCountry !== undefined && countrySensitive(field) ? `${ctx.defaultCountry}\u0000${value}` : value;
    let hit = values.get(key);
    if (hit === undefined) {
      hit = cleanValueForField(field, value, ctx);
      if (values.size >= CleanCache.LIMIT) this.byField.set(field, null);
      else values.set(key, hit);
    }
    return hit;
  }
}
