/**
 * Test helper: random CJK text, the "wrong file" of issue 14 — lines of random ideographs
 * (U+4E00–U+9FA5, simplified and traditional alike) with Chinese punctuation, and, when asked,
 * numbers and spaces among them (so that some lines look like rows of a table), deterministic for
 * a given seed (mulberry32).
 */

/** Options of randomCjkText. */
export interface RandomTextOptions {
  /** PRNG seed: the same seed gives the same text. */
  seed: number;
  /** Approximate size in bytes (UTF-8) of the text. */
  bytes: number;
  /** Put numbers (0–9999) and spaces among the ideographs, about one token in six. */
  digits?: boolean;
}

/** A deterministic pseudo-random number generator (mulberry32): each call returns a number in [0, 1). */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUNCTUATION = '，。、；：？！“”（）';

/**
 * Random CJK text of about `bytes` bytes: lines of 10–50 tokens, each an ideograph, a punctuation
 * mark (8%) or, with `digits`, a number or a space. Example line (seed 42, digits):
 * "鎙居摎钩执諢帚蘎乐鉝！、、祌。痒栕儎！戄弚詍睹攴吙薔駀9437髮1109；翵呕驓".
 */
export function randomCjkText({ seed, bytes, digits = false }: RandomTextOptions): string {
  const rnd = mulberry32(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const n = 10 + Math.floor(rnd() * 40);
    let line = '';
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.08) line += PUNCTUATION[Math.floor(rnd() * PUNCTUATION.length)];
      else if (digits && r < 0.16) line += String(Math.floor(rnd() * 10000));
      else if (digits && r < 0.2) line += ' ';
      else line += String.fromCodePoint(0x4e00 + Math.floor(rnd() * (0x9fa5 - 0x4e00)));
    }
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}
