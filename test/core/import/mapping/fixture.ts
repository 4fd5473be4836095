import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`../../../../fixtures/mapping/${name}`, import.meta.url));

/**
 * Header row and first data row of a mapping fixture. Decoding and delimiter are given per file
 * here so these tests do not depend on the readers (tested on their own).
 */
export function readFixture(name: string, encoding = 'utf-8', delimiter = ','): { headers: string[]; row: string[] } {
  const text = iconv.decode(readFileSync(fixturePath(name)), encoding);
  const records = parse(text, { delimiter, bom: true, relax_column_count: true }) as string[][];
  return { headers: records[0]!, row: records[1] ?? [] };
}
