import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

/**
 * OWASP CSV injection: a cell starting with = + - @, tab, CR, LF or NUL may
 * run as a formula in a spreadsheet; quoting does not help. Prefix with a
 * single quote. (csv-stringify's escape_formulas misses LF and NUL.)
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r\n\u0000]/.test(value) ? `'${value}` : value;
}

/** The characters csv-stringify quotes a cell for (with its default comma delimiter). */
const NEEDS_QUOTES = /[",\r\n]/;

export interface CsvWriterOptions {
  /** Neutralise formula-like cells (exports opened in Excel); off for error files meant to be fixed and re-imported as they are. */
  neutralizeFormulas?: boolean;
  /** Write a UTF-8 BOM so Excel on Windows reads accents and CJK right. */
  bom?: boolean;
}

/**
 * A CSV file written row by row to `<path>.partial` and renamed into place on
 * `commit()`, so a crash never leaves a half-written result file under the real name.
 */
export class CsvFileWriter {
  private fd: number;
  private readonly partial: string;
  private rows = 0;
  private buffer: string[] = [];
  /** Rows waiting to be quoted: stringifying 512 at once is far cheaper than one call per row. */
  private pending: string[][] = [];

  constructor(
    readonly path: string,
    readonly headers: string[],
    private readonly options: CsvWriterOptions = {},
  ) {
    this.partial = `${path}.partial`;
    this.fd = openSync(this.partial, 'w');
    if (options.bom) writeSync(this.fd, '\uFEFF');
    this.buffer.push(stringify([headers], { record_delimiter: 'windows' }));
  }

  get rowCount(): number {
    return this.rows;
  }

  write(values: readonly (string | number | boolean | null | undefined)[]): void {
    const cells = values.map((v) => {
      const text = v === null || v === undefined ? '' : String(v);
      return this.options.neutralizeFormulas ? neutralizeFormula(text) : text;
    });
    this.rows++;
    // Most rows (every success-file row) need no quotes: joining them is what csv-stringify would
    // write, at a fraction of the cost on a million-row import.
    if (!cells.some((cell) => NEEDS_QUOTES.test(cell))) {
      this.stringifyPending();
      this.buffer.push(cells.join(',') + '\r\n');
      if (this.buffer.length >= 512) this.flush();
      return;
    }
    this.pending.push(cells);
    if (this.pending.length >= 512) this.flush();
  }

  private stringifyPending(): void {
    if (this.pending.length > 0) {
      this.buffer.push(stringify(this.pending, { record_delimiter: 'windows' }));
      this.pending = [];
    }
  }

  private flush(): void {
    this.stringifyPending();
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
  }

  /** Flush, fsync and move into place. */
  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = -1;
    renameSync(this.partial, this.path);
  }

  /** Drop the partial file (e.g. on a fatal error before any row was decided). */
  discard(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.partial, { force: true });
  }
}

/** A file name derived from data (a report or sheet name) that cannot escape its folder. */
export function safeFileName(name: string, fallback = 'export'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}
