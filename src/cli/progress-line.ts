/**
 * One line of progress at the bottom of a terminal (stderr), redrawn in place. Log lines written
 * through {@link ProgressLine.write} clear it first and redraw it after, so that neither overwrites
 * the other; {@link ProgressLine.done} leaves the terminal clean for the summary. Only on a TTY.
 */

const CLEAR = '\r\u001b[2K';

export class ProgressLine {
  private text = '';
  private last = 0;
  private active = true;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly everyMs = 100,
  ) {}

  /** Shows `text` (at most every `everyMs`, unless `force`). */
  update(text: string, force = false): void {
    this.text = text;
    const now = Date.now();
    if (!this.active || (!force && now - this.last < this.everyMs)) return;
    this.last = now;
    this.out.write(`${CLEAR}${text.slice(0, Math.max(10, (this.out.columns || 120) - 1))}`);
  }

  /** Writes a log line above the progress line. */
  write(chunk: string): void {
    if (!this.active) return void this.out.write(chunk);
    this.out.write(`${CLEAR}${chunk}`);
    if (this.text) this.update(this.text, true);
  }

  /** Removes the progress line for good. */
  done(): void {
    if (this.active && this.text) this.out.write(CLEAR);
    this.active = false;
  }
}

/** `1 h 02 min`, `3 min 05 s`, `42 s`: a duration for people. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}
