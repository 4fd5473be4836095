import { foldHeader } from '../sources/normalize.js';

/**
 * Finds columns by name the way headers are compared (trimmed, case-folded), with `Name#N`
 * for the Nth column of a repeated name (French Outlook has "Titre" twice).
 */
export class ColumnIndex {
  private readonly byName = new Map<string, number[]>();

  constructor(readonly headers: readonly string[]) {
    headers.forEach((header, index) => {
      const key = foldHeader(header);
      const list = this.byName.get(key);
      if (list) list.push(index);
      else this.byName.set(key, [index]);
    });
  }

  /** The column's index, or -1 when the file has no such column. */
  find(name: string): number {
    const exact = this.byName.get(foldHeader(name));
    if (exact) return exact[0]!;
    const occurrence = /^(.*)#(\d+)$/.exec(name);
    if (occurrence) {
      const list = this.byName.get(foldHeader(occurrence[1]!));
      const n = Number(occurrence[2]);
      if (list && n >= 1 && n <= list.length) return list[n - 1]!;
    }
    return -1;
  }

  /** How a mapping names column `index`: the header itself, or `Header#N` for a repeated header's later copies. */
  nameOf(index: number): string {
    const header = this.headers[index]!;
    const list = this.byName.get(foldHeader(header))!;
    const n = list.indexOf(index) + 1;
    return n <= 1 ? header.trim() : `${header.trim()}#${n}`;
  }
}
