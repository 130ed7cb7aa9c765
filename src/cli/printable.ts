/**
 * Text from outside (file names, paths, messages quoting them) made safe to print on one line of
 * a human summary: a file name may hold a newline, a tab, a terminal escape sequence, which
 * would split a summary line, forge another one, or recolour the terminal. Control characters
 * are written as JSON escapes (\n, \t, \u001b), which a reader (and a script) can tell apart.
 */

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A name holding a control character, a quote or backslash, or white space at either end. */
const NEEDS_QUOTES = new RegExp(`${CONTROL.source}|["\\\\]|^\\s|\\s$`);

/** Short JSON escapes of the common control characters; the others are written \uXXXX. */
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** One control character as its JSON escape. */
function escape(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character written as its JSON escape, so it prints as one line:
 * for messages that quote a path ("<path>: the file is empty"). Other characters (CJK included)
 * are kept as they are.
 */
export function oneLine(text: string): string {
  return text.replace(CONTROL, escape);
}

/**
 * A file name or path as printed: unchanged when it is plain; otherwise (a control character, a
 * backslash or double quote, white space at either end) as a JSON string literal, quoted, with
 * its control characters, backslashes and quotes escaped, so the name is shown exactly and cannot
 * be mistaken for the text around it.
 */
export function printableName(name: string): string {
  if (!NEEDS_QUOTES.test(name)) return name;
  return `"${oneLine(name.replace(/["\\]/g, (c) => `\\${c}`))}"`;
}
