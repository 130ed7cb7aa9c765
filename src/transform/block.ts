/**
 * A table block: what table discovery (discover/) hands to the table readers (read/): the
 * caption it attached (or a provisional reference), the header lines and the body lines, and how
 * sure the reading is. Data only: discovery decides it, reading interprets it.
 */
import type { TableReading } from '../model.ts';
import type { Line } from './layout/lines.ts';

/** A table block: its caption (or a provisional reference), header lines and body lines. */
export interface Block {
  /** 'grid' for a table of number cells, 'ranked' for a ranked list of names ("1 中国港湾…"). */
  layout: 'grid' | 'ranked';
  /** The printed reference ("表3-1", "附表5") or a provisional one ("?L1234"). */
  ref: string;
  /** The caption's title ("" for a provisional reference). */
  title: string;
  titleLine: Line | null;
  header: Line[];
  body: Line[];
  reading: TableReading;
}
