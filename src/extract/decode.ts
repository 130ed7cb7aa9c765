/**
 * Text encodings of .txt sources. Reports circulate as UTF-8 (the seeds), UTF-16 with a byte-order
 * mark (Windows "Unicode" text), and GB18030/GBK (the legacy encoding of Chinese Windows). A file
 * is decoded only when its encoding is certain: valid UTF-8 is UTF-8; otherwise a byte-order mark
 * names UTF-16; otherwise it is GB18030 only if it decodes without error AND reads like
 * simplified Chinese (its two-byte characters lie in the GB2312 repertoire, the common characters
 * and punctuation). Anything else — Big5, Shift-JIS, Latin-1, UTF-8 with a damaged byte — is
 * refused, so mojibake never reaches the warehouse.
 */
import { isUtf8 } from 'node:buffer';
import { BinarySourceError, UnknownEncodingError } from './source-errors.ts';

/** The encodings a text source can be decoded from. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Share of GB18030 two-byte characters that must lie in the GB2312 area (both bytes 0xA1–0xFE)
 * for a non-UTF-8 file to be read as GB18030: genuine simplified-Chinese text scores ~1.0 (the
 * seeds: 0.999+), Big5 text ~0.6 (its second bytes 0x40–0x7E fall outside), UTF-8 bytes read
 * as GB18030 far less.
 */
const MIN_GB2312_SHARE = 0.95;

/**
 * Share of a GB18030 reading's non-ASCII characters that must be CJK ideographs or CJK / full-width
 * / general punctuation; Big5 read as GB18030 turns its commonest characters into kana, Cyrillic
 * and private-use code points.
 */
const MIN_CJK_SHARE = 0.95;

/**
 * Decodes the bytes of a text source (see the file comment for the rules). Errors:
 * BinarySourceError (NUL or other control bytes: not text; or a PDF named .txt),
 * UnknownEncodingError (neither UTF-8, UTF-16 with BOM, nor plausible GB18030).
 */
export function decodeText(path: string, bytes: Buffer): DecodedText {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new BinarySourceError(path, 'is a PDF file with a .txt name', 'rename it to .pdf');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictDecode(path, bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictDecode(path, bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const control = firstControlByte(bytes);
  if (control >= 0) {
    throw new BinarySourceError(
      path,
      `binary data, not text (control byte 0x${bytes[control].toString(16).padStart(2, '0')} at offset ${control})`,
      'give the report as a .pdf, or as text extracted from it (UTF-8 or GB18030); UTF-16 text needs its byte-order mark',
    );
  }
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  const gb = readAsGb18030(bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  const bad = firstInvalidUtf8(bytes);
  const where = `line ${lineAt(bytes, bad)}, byte offset ${bad}`;
  throw new UnknownEncodingError(
    path,
    `unknown text encoding: not UTF-8 (invalid byte at ${where}) and not GB18030/GBK Chinese text (perhaps Big5 or another legacy encoding)`,
    'convert it to UTF-8, e.g. iconv -f BIG5 -t UTF-8 (name its real encoding), and ingest the converted file',
  );
}

/** Decodes with a fatal TextDecoder; a malformed sequence is an UnknownEncodingError. */
function strictDecode(path: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new UnknownEncodingError(path, `starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`, 'convert it to UTF-8 and ingest the converted file', { cause: error });
  }
}

/**
 * Offset of the first byte that cannot occur in text: C0 controls other than TAB, LF, VT, FF and
 * CR, and DEL. -1 when there is none. (Form feeds separate pages in pdftotext output.)
 */
function firstControlByte(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d)) || b === 0x7f) return i;
  }
  return -1;
}

/** Bytes validated at once while looking for the first invalid UTF-8 sequence. */
const UTF8_CHUNK = 64 * 1024;

/**
 * Offset of the first byte at which `bytes` stops being valid UTF-8 (bytes.length when it never
 * does): whole chunks cut at character starts are validated natively, then the first failing
 * chunk character by character.
 */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  for (let end = Math.min(UTF8_CHUNK, bytes.length); i < bytes.length; end = Math.min(i + UTF8_CHUNK, bytes.length)) {
    // Move the chunk's end back to the start of a character (not a 10xxxxxx continuation byte).
    while (end < bytes.length && end > i + 4 && (bytes[end] & 0xc0) === 0x80) end--;
    if (!isUtf8(bytes.subarray(i, end))) break;
    i = end;
  }
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || !isUtf8(bytes.subarray(i, i + len))) return i;
    i += len;
  }
  return i;
}

/** 1-based line number of byte offset `offset`. */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** The text of `bytes` read as GB18030 when it decodes cleanly and reads like Chinese, else null. */
function readAsGb18030(bytes: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    // A four-byte sequence: lead, digit, lead, digit.
    if (bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39) {
      i += 3;
      continue;
    }
    pairs++;
    if (b >= 0xa1 && b <= 0xfe && bytes[i + 1] >= 0xa1 && bytes[i + 1] <= 0xfe) gb2312++;
    i++;
  }
  let wide = 0;
  let cjk = 0;
  for (const c of text) {
    const u = c.codePointAt(0)!;
    if (u < 0x80) continue;
    wide++;
    if ((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3000 && u <= 0x303f) || (u >= 0xff00 && u <= 0xffef) || (u >= 0x2000 && u <= 0x206f)) cjk++;
  }
  return pairs > 0 && gb2312 / pairs >= MIN_GB2312_SHARE && cjk / wide >= MIN_CJK_SHARE ? text : null;
}
