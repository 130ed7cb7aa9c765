/**
 * Edits of a seed's lines addressed by the seed's own line indices, so that several edits made
 * from one reading of the seed (seed-tables.ts) never shift each other: replace a line by zero or
 * more lines, insert lines before or after a line, then render.
 */
export class LineEditor {
  private readonly replaced = new Map<number, string[]>();
  private readonly before = new Map<number, string[]>();
  private readonly after = new Map<number, string[]>();

  constructor(private readonly lines: readonly string[]) {}

  /** The seed's line `i` (as printed in the seed, whatever edits were made). */
  original(i: number): string {
    return this.lines[i];
  }

  /** The current replacement of line `i` (the seed's line when it was not replaced). */
  current(i: number): string[] {
    return this.replaced.get(i) ?? [this.lines[i]];
  }

  /** Prints `out` (zero or more lines) in place of line `i`. */
  replace(i: number, out: string | string[]): void {
    this.replaced.set(i, typeof out === 'string' ? [out] : out);
  }

  /** Removes line `i`. */
  remove(i: number): void {
    this.replaced.set(i, []);
  }

  /** Prints `out` just before line `i` (after anything inserted there before). */
  insertBefore(i: number, out: string[]): void {
    this.before.set(i, [...(this.before.get(i) ?? []), ...out]);
  }

  /** Prints `out` just after line `i` (after anything inserted there before). */
  insertAfter(i: number, out: string[]): void {
    this.after.set(i, [...(this.after.get(i) ?? []), ...out]);
  }

  /** The edited lines. */
  render(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.lines.length; i++) {
      out.push(...(this.before.get(i) ?? []), ...this.current(i), ...(this.after.get(i) ?? []));
    }
    return out;
  }
}
