/**
 * Row labels printed over two lines, as a table's narrow stub column wraps them: the head of the
 * label on a line of its own above the row ("城市建设与" / "社会发展 49693 …"), or the tail on a
 * line of its own under it ("城市建设与 49693 …" / "社会发展"). A label alone on its line may
 * equally be a section head ("事业法人" over its 合计 and members), so the codelists decide
 * first: the two parts are one label when together they name a member and not each on its own;
 * the printed layout decides for labels no codelist knows (a head ending in a connector such as
 * "、" or "/", a name too long to be a section head, a bracket the tail closes).
 */
import { labelDimensions } from '../codelists/fit.ts';
import { MEASURE_ROW_LABELS, withoutUnit } from '../codelists/measure-rows.ts';
import { normaliseLabel } from './text.ts';

/** A label alone on its line this long is the first half of a name printed over two lines, not a section head. */
export const SPLIT_NAME = 9;
/** A head ending like this continues on the next line. */
const CONNECTOR = /[/、（(，,和及与\-—]$/;

/** Whether a normalised label names a codelist member or a measure. */
function known(label: string): boolean {
  return labelDimensions(label).length > 0 || MEASURE_ROW_LABELS.has(withoutUnit(label));
}

/** An opening bracket not closed in the text. */
function unclosed(text: string): boolean {
  return (text.match(/[（(]/g)?.length ?? 0) > (text.match(/[）)]/g)?.length ?? 0);
}

/**
 * Whether `head`, a label alone on its line, is the first part of the label of the row printed
 * next (`label`), rather than a section head over it.
 */
export function isLabelHead(head: string, label: string): boolean {
  const [h, l] = [normaliseLabel(head), normaliseLabel(label)];
  if (known(h + l) && !(known(h) && known(l))) return true;
  if (known(h) && !known(h + l)) return false;
  return CONNECTOR.test(head.trim()) || /\/(?!\s*(亿元|万元|项|%))/.test(head) || unclosed(head) || h.length >= SPLIT_NAME;
}

/**
 * Whether `tail`, a label alone on the line after a row, is the end of that row's label
 * (`label`) rather than a section head or the label of the values printed after it.
 */
export function isLabelTail(label: string, tail: string): boolean {
  const [l, t] = [normaliseLabel(label), normaliseLabel(tail)];
  if (!t) return false;
  if (known(l + t) && !known(t) && !known(l)) return true;
  return unclosed(label) && !unclosed(label + tail);
}
