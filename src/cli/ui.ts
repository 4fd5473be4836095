import { Chalk, type ChalkInstance } from 'chalk';
import type { OutputStream } from './io.js';

/** Human-readable rendering helpers; everything goes to one stream. */
export class Ui {
  readonly c: ChalkInstance;
  constructor(
    readonly out: OutputStream,
    color: boolean,
  ) {
    this.c = new Chalk({ level: color ? 1 : 0 });
  }

  line(text = ''): void {
    this.out.write(text + '\n');
  }

  heading(text: string): void {
    this.line(this.c.bold(text));
  }

  ok(text: string): void {
    this.line(`${this.c.green('✔')} ${text}`);
  }

  warn(text: string): void {
    this.line(`${this.c.yellow('!')} ${text}`);
  }

  keyValues(pairs: [string, unknown][]): void {
    const width = Math.max(0, ...pairs.map(([k]) => displayWidth(k)));
    for (const [k, v] of pairs) this.line(`${this.c.dim(padEnd(k, width))}  ${formatCell(v)}`);
  }

  /** An aligned table; `align` right-aligns numeric columns. */
  table(columns: { key: string; title?: string; align?: 'left' | 'right' }[], rows: Record<string, unknown>[]): void {
    const titles = columns.map((c) => c.title ?? c.key);
    const cells = rows.map((row) => columns.map((c) => formatCell(row[c.key])));
    const widths = columns.map((_, i) => Math.min(60, Math.max(displayWidth(titles[i]!), ...cells.map((r) => displayWidth(r[i]!)))));
    const render = (values: string[]): string =>
      values
        .map((v, i) => {
          const cut = truncate(v, widths[i]!);
          return columns[i]!.align === 'right' ? padStart(cut, widths[i]!) : padEnd(cut, widths[i]!);
        })
        .join('  ')
        .trimEnd();
    this.line(this.c.bold(render(titles)));
    for (const row of cells) this.line(render(row));
  }
}

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // One line per cell: multi-line notes would break the table.
  return String(value).replace(/\r?\n/g, ' ⏎ ');
}

/** Terminal columns a string occupies: CJK and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x300 && code <= 0x36f)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}
