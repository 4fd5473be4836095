import type { OutputStream } from './io.js';

/** A one-line progress display with rate and ETA, redrawn at most ten times a second. */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly out: OutputStream,
    private readonly enabled: boolean,
    private label: string,
    private total?: number,
  ) {}

  setLabel(label: string, total?: number): void {
    this.label = label;
    if (total !== undefined) this.total = total;
    this.draw(true);
  }

  tick(count = 1): void {
    this.done += count;
    this.draw(false);
  }

  set(done: number): void {
    this.done = done;
    this.draw(false);
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.done / seconds;
    let text = `${this.label} ${this.done.toLocaleString('en-US')}`;
    if (this.total) {
      const fraction = Math.min(1, this.done / this.total);
      const width = 24;
      const filled = Math.round(fraction * width);
      const eta = rate > 0 ? Math.max(0, (this.total - this.done) / rate) : 0;
      text = `${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${formatRate(rate)} ETA ${formatSeconds(eta)}`;
    } else {
      text += ` ${formatRate(rate)}`;
    }
    this.out.write(`\r\x1b[2K${text}`);
  }

  stop(): void {
    if (this.enabled) this.out.write('\r\x1b[2K');
  }
}

const formatRate = (rate: number): string => `${Math.round(rate).toLocaleString('en-US')} rows/s`;

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}
