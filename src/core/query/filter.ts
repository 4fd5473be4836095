import { CrmError } from '../errors.js';
import { foldCase } from './fold.js';

/**
 * A small SOQL-like filter language used by `--where` and assignment rules:
 *   LastName = 'Doe' AND (Country = 'Germany' OR Country IN ('Austria', 'Switzerland'))
 *   Email LIKE '%@example.com'   Amount >= 1000   Phone != null   NOT IsConverted = true
 * Parsed once into an AST that the store compiles to parameterised SQL and
 * that `evaluateFilter` can test against a record in memory.
 */
export type Literal = string | number | boolean | null;
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'NOT LIKE';

export type FilterNode =
  | { kind: 'and'; items: FilterNode[] }
  | { kind: 'or'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode }
  | { kind: 'compare'; field: string; op: ComparisonOp; value: Literal }
  | { kind: 'in'; field: string; values: Literal[]; negate: boolean };

type Token =
  | { t: 'ident'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'punct'; v: '(' | ')' | ','; pos: number };

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'IN', 'NULL', 'TRUE', 'FALSE']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      const quote = c;
      const start = i++;
      let value = '';
      for (;;) {
        if (i >= text.length) throw filterError(text, start, 'the quoted text is never closed');
        const d = text[i]!;
        if (d === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (d === quote && text[i + 1] === quote) {
          value += quote;
          i += 2;
        } else if (d === quote) {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ t: 'string', v: value, pos: start });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      // Dates like 2026-05-01 are strings, not arithmetic.
      const date = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?/.exec(text.slice(i));
      if (date) {
        tokens.push({ t: 'string', v: date[0], pos: i });
        i += date[0].length;
      } else {
        tokens.push({ t: 'number', v: Number(match[0]), pos: i });
        i += match[0].length;
      }
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i))!;
      tokens.push({ t: 'ident', v: match[0], pos: i });
      i += match[0].length;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'punct', v: c, pos: i });
      i++;
    } else {
      const match = /^(<=|>=|!=|<>|=|<|>)/.exec(text.slice(i));
      if (!match) throw filterError(text, i, `unexpected character ${JSON.stringify(c)}`);
      tokens.push({ t: 'op', v: match[0] === '<>' ? '!=' : match[0], pos: i });
      i += match[0].length;
    }
  }
  return tokens;
}

function filterError(text: string, pos: number, message: string): CrmError {
  return new CrmError('BAD_FILTER', `Bad filter at character ${pos + 1}: ${message} in: ${text}`, {
    hint: `Write conditions like: LastName = 'Doe' AND Country IN ('Germany', 'Austria'); quote text with single quotes.`,
    details: { filter: text, position: pos + 1 },
  });
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const isKeyword = (tok: Token | undefined, word: string): boolean => tok?.t === 'ident' && tok.v.toUpperCase() === word;
  const at = (): number => peek()?.pos ?? text.length;

  const parseOr = (): FilterNode => {
    const items = [parseAnd()];
    while (isKeyword(peek(), 'OR')) {
      index++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  const parseAnd = (): FilterNode => {
    const items = [parseUnary()];
    while (isKeyword(peek(), 'AND')) {
      index++;
      items.push(parseUnary());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const parseUnary = (): FilterNode => {
    if (isKeyword(peek(), 'NOT')) {
      index++;
      return { kind: 'not', item: parseUnary() };
    }
    const tok = peek();
    if (tok?.t === 'punct' && tok.v === '(') {
      index++;
      const inner = parseOr();
      const close = peek();
      if (close?.t !== 'punct' || close.v !== ')') throw filterError(text, at(), 'expected )');
      index++;
      return inner;
    }
    return parseComparison();
  };
  const parseLiteral = (): Literal => {
    const tok = peek();
    if (!tok) throw filterError(text, text.length, 'expected a value');
    index++;
    if (tok.t === 'string' || tok.t === 'number') return tok.v;
    if (tok.t === 'ident') {
      const word = tok.v.toUpperCase();
      if (word === 'NULL') return null;
      if (word === 'TRUE') return true;
      if (word === 'FALSE') return false;
      throw filterError(text, tok.pos, `expected a value but found ${tok.v} (quote text values: '${tok.v}')`);
    }
    throw filterError(text, tok.pos, `expected a value but found ${String(tok.v)}`);
  };
  const parseComparison = (): FilterNode => {
    const fieldTok = peek();
    if (fieldTok?.t !== 'ident' || KEYWORDS.has(fieldTok.v.toUpperCase())) {
      throw filterError(text, at(), 'expected a field name');
    }
    index++;
    const field = fieldTok.v;
    let negate = false;
    if (isKeyword(peek(), 'NOT')) {
      negate = true;
      index++;
    }
    const opTok = peek();
    if (isKeyword(opTok, 'IN')) {
      index++;
      const open = peek();
      if (open?.t !== 'punct' || open.v !== '(') throw filterError(text, at(), 'expected ( after IN');
      index++;
      const values: Literal[] = [parseLiteral()];
      while (peek()?.t === 'punct' && peek()!.v === ',') {
        index++;
        values.push(parseLiteral());
      }
      const close = peek();
      if (close?.t !== 'punct' || close.v !== ')') throw filterError(text, at(), 'expected ) to close the IN list');
      index++;
      return { kind: 'in', field, values, negate };
    }
    if (isKeyword(opTok, 'LIKE')) {
      index++;
      const value = parseLiteral();
      if (typeof value !== 'string') throw filterError(text, at(), 'LIKE needs a quoted pattern');
      return { kind: 'compare', field, op: negate ? 'NOT LIKE' : 'LIKE', value };
    }
    if (negate) throw filterError(text, at(), 'NOT here must be followed by IN or LIKE');
    if (opTok?.t !== 'op') throw filterError(text, at(), `expected an operator (=, !=, <, <=, >, >=, LIKE, IN) after ${field}`);
    index++;
    return { kind: 'compare', field, op: opTok.v as ComparisonOp, value: parseLiteral() };
  };

  if (tokens.length === 0) throw filterError(text, 0, 'the filter is empty');
  const node = parseOr();
  if (index < tokens.length) throw filterError(text, at(), `unexpected ${String(peek()!.v)}`);
  return node;
}

/** Field names a filter mentions, so callers can validate them against the object. */
export function filterFields(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.items.flatMap(filterFields);
    case 'not':
      return filterFields(node.item);
    default:
      return [node.field];
  }
}

/** Combine filters with AND, skipping absent ones. */
export function andFilters(...nodes: (FilterNode | undefined)[]): FilterNode | undefined {
  const present = nodes.filter((n): n is FilterNode => n !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : { kind: 'and', items: present };
}

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('%', '.*').replaceAll('_', '.');
  return new RegExp(`^${escaped}$`, 'is');
}

function compareLoose(a: unknown, b: Literal): number | undefined {
  if (a === null || a === undefined || b === null) return undefined;
  if (typeof b === 'number') {
    const n = typeof a === 'number' ? a : Number(a);
    return Number.isNaN(n) ? undefined : n - b;
  }
  if (typeof b === 'boolean') {
    const v = a === true || a === 1 || a === 'true';
    return v === b ? 0 : 1;
  }
  const x = foldCase(String(a));
  const y = foldCase(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Test a record against a filter in memory, with the same semantics as the SQL compilation. */
export function evaluateFilter(node: FilterNode, record: Readonly<Record<string, unknown>>): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((n) => evaluateFilter(n, record));
    case 'or':
      return node.items.some((n) => evaluateFilter(n, record));
    case 'not':
      return !evaluateFilter(node.item, record);
    case 'in': {
      const value = Object.hasOwn(record, node.field) ? record[node.field] : null;
      const found = node.values.some((v) => (v === null ? value === null || value === undefined : compareLoose(value, v) === 0));
      return node.negate ? !found : found;
    }
    case 'compare': {
      const value = Object.hasOwn(record, node.field) ? record[node.field] : null;
      const isNull = value === null || value === undefined || value === '';
      if (node.value === null) {
        if (node.op === '=') return isNull;
        if (node.op === '!=') return !isNull;
        return false;
      }
      if (node.op === 'LIKE' || node.op === 'NOT LIKE') {
        if (isNull) return false;
        const match = likeToRegExp(foldCase(String(node.value))).test(foldCase(String(value)));
        return node.op === 'LIKE' ? match : !match;
      }
      const cmp = compareLoose(value, node.value);
      if (cmp === undefined) return node.op === '!=' ? true : false;
      switch (node.op) {
        case '=':
          return cmp === 0;
        case '!=':
          return cmp !== 0;
        case '<':
          return cmp < 0;
        case '<=':
          return cmp <= 0;
        case '>':
          return cmp > 0;
        case '>=':
          return cmp >= 0;
      }
    }
  }
}
