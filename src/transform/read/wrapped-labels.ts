/**
 * Row labels printed over two lines, as a table's narrow stub column wraps them: the head of the
 * label on a line of its own above the row ("城市建设与" / "社会发展 49693 …"), or the tail on a
 * line of its own under it ("城市建设与 49693 …" / "社会发展"). A label alone on its line may
 * equally be a section head ("事业法人" over its 合计 and members), so the codelists decide
 * first: the two parts are one label when together they name a member and not each on its own;
 * then the table's own structure: a section head has a total row (合计, 小计) in its section, or
 * names a dimension (合同类别, 技术领域 …); for labels no codelist knows, a line that heads no section
 * is the head of the next label, and a line printed between two such heads is the tail of the
 * row above (the layout decides last: a head ending in a connector such as "、" or "/", a
 * bracket the tail closes).
 */
import { labelDimensions } from '../../codelists/fit.ts';
import { MEASURE_ROW_LABELS, withoutUnit } from '../../codelists/measure-rows.ts';
import { normaliseLabel } from '../normalize/text.ts';

/** A label alone on its line this long is the first half of a name printed over two lines, not a section head. */
export const SPLIT_NAME = 9;
/** A head ending like this continues on the next line. */
const CONNECTOR = /[/、（(，,和及与\-—]$/;

/** Whether a normalised label names a codelist member or a measure. */
export function isKnownLabel(label: string): boolean {
  return labelDimensions(label).length > 0 || MEASURE_ROW_LABELS.has(withoutUnit(label));
}

/** An opening bracket not closed in the text. */
function unclosed(text: string): boolean {
  return (text.match(/[（(]/g)?.length ?? 0) > (text.match(/[）)]/g)?.length ?? 0);
}

/**
 * Whether `head`, a label alone on its line, is the first part of the label of the row printed
 * next (`label`), rather than a section head over it. `headsSection`: the table's structure
 * makes the line a section head (a total row follows within its section, or it names a dimension).
 */
export function isLabelHead(head: string, label: string, headsSection: boolean): boolean {
  const [h, l] = [normaliseLabel(head), normaliseLabel(label)];
  if (isKnownLabel(h + l) && !(isKnownLabel(h) && isKnownLabel(l))) return true;
  if ((isKnownLabel(h) || isKnownLabel(l)) && !isKnownLabel(h + l)) return false;
  if (CONNECTOR.test(head.trim()) || /\/(?!\s*(亿元|万元|项|%))/.test(head) || unclosed(head) || h.length >= SPLIT_NAME) return true;
  // A label no codelist knows, over a row whose own label no codelist knows either, that heads
  // no section: the two halves of a name (a stub header word such as 地区 over 亚洲 is not).
  return !headsSection && !isKnownLabel(h) && !isKnownLabel(l);
}

/** A section head that names a dimension (附表4's 合同类别 / 技术领域 / 知识产权). */
export const DIMENSION_HEAD = /^(合同类别|合同类型|技术领域|知识产权|社会经济目标|社会—经济目标|计划类别)$/;

/**
 * Whether `tail`, a label alone on the line after a row, is the end of that row's label
 * (`label`) rather than a section head or the label of the values printed after it.
 * `beforeHead`: another label line follows it, itself the head of the next row's label.
 */
export function isLabelTail(label: string, tail: string, beforeHead: boolean): boolean {
  const [l, t] = [normaliseLabel(label), normaliseLabel(tail)];
  if (!t) return false;
  if (isKnownLabel(l + t) && !isKnownLabel(t) && !isKnownLabel(l)) return true;
  if (unclosed(label) && !unclosed(label + tail)) return true;
  return beforeHead && !isKnownLabel(t) && !isKnownLabel(l) && !isKnownLabel(l + t);
}
