/**
 * The shapes every stage agrees on: what extract hands to transform (SourceDocument), what
 * transform hands to load (Observation, TableRecord, Finding). Field meanings follow
 * ../shared/DESIGN.md ("The canonical record") and golden/FORMAT.md.
 */
import { z } from 'zod';

/** One cell of a line whose geometry is known (PDF): its text and horizontal extent in points. */
export interface LineCell {
  text: string;
  /** Left edge, in points from the page's left (in the page's reading direction). */
  x: number;
  /** Right edge, in points. */
  xEnd: number;
}

/** One printed line of a source, with its provenance. */
export interface SourceLine {
  /** 1-based page number when the source marks pages (PDF), else null. */
  page: number | null;
  /** 1-based line number within the whole document (the `source_line` of the export). */
  line: number;
  /**
   * The line's text. A PDF extractor that knows the geometry puts a TAB between two cells that
   * stand apart on the page; a plain-text source has no TABs. Transform treats a TAB as a sure
   * cell boundary and a space as a possible one.
   */
  text: string;
  /**
   * The line's TAB-separated cells with their x extent, when the source knows its geometry
   * (PDF). Transform then reads header columns and row cells by position, so empty cells and
   * cells spanning several header rows are placed exactly.
   */
  cells?: LineCell[];
}

/** What an extractor produces: the whole text of one source, line by line. */
export interface SourceDocument {
  /** SHA-256 of the source's bytes, lower-case hex (64 chars): the source's identity. */
  sourceId: string;
  /** The file's base name, e.g. "001_4bcf1cefdaeec81d.txt": the export's `seed` column. */
  name: string;
  /** Absolute path the source was read from. */
  path: string;
  kind: 'text' | 'pdf';
  /** Size of the source in bytes. */
  bytes: number;
  /** Number of pages (PDF), or null when the source has no page structure. */
  pages: number | null;
  lines: SourceLine[];
}

/** An exact decimal as printed, normalised: ASCII digits, optional "-", optional fraction. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'an exact decimal such as "13424.22"');

/** The years an observation may be about (TIME_PERIOD): from the founding of the PRC to 2100. */
export const MIN_DATA_YEAR = 1949;
export const MAX_DATA_YEAR = 2100;

/**
 * One number with its dimensions, measure and attributes (SDMX observation). `value` is the
 * printed number, never a float; `decimals` its printed fraction digits (the rounding unit);
 * `unitMult` the SDMX UNIT_MULT (8 for 亿元, 4 for 万元, 0 otherwise).
 */
export const ObservationSchema = z.object({
  sourceId: z.string().regex(/^[0-9a-f]{64}$/),
  sourceName: z.string().min(1),
  edition: z.number().int().nullable(),
  tableRef: z.string().min(1),
  tableTitle: z.string(),
  tableKind: z.string().min(1),
  dataYear: z.number().int().min(MIN_DATA_YEAR).max(MAX_DATA_YEAR),
  rowLabel: z.string().min(1),
  parentLabel: z.string(),
  columnGroup: z.string(),
  /** Codelist members by dimension id, e.g. { region: "110000", flow: "outflow" }. */
  dimensions: z.record(z.string(), z.string()),
  measure: z.string().regex(/^[a-z][a-z0-9_]*$/),
  value: DecimalString,
  decimals: z.number().int().min(0),
  unit: z.string().min(1),
  unitMult: z.number().int(),
  obsStatus: z.string(),
  footnotes: z.string(),
  page: z.number().int().positive().nullable(),
  line: z.number().int().positive(),
  raw: z.string(),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** One reason for (or against) a reading of a table, with its weight (see transform/discover). */
export interface Evidence {
  /** What was weighed: position, years, rows, grouping, citation, habit. */
  kind: string;
  weight: number;
  /** Why, in words a user reads: "right after the last row", "caption 2017, body 2016–2017". */
  detail: string;
}

/**
 * How a table was found and how sure the reading is. `caption`: 'found' when a caption was
 * attached (by evidence for a table body; by its own caption for a chart or a sideways table),
 * 'provisional' when none was credible and the table carries a provisional reference ("?L1234").
 * `score`: the attached caption's score (null when provisional or not scored). `evidence`: the
 * reasons behind the attached caption, or behind the best one refused.
 */
export interface TableReading {
  caption: 'found' | 'provisional';
  score: number | null;
  evidence: Evidence[];
}

/** One reconstructed table (or figure / prose block) of a source. */
export interface TableRecord {
  sourceId: string;
  tableRef: string;
  tableTitle: string;
  tableKind: string;
  /** Line of the caption, or null when the caption was not found. */
  titleLine: number | null;
  firstLine: number;
  lastLine: number;
  /** Column descriptions as understood from the header, e.g. "2020|输出技术|turnover|亿元". */
  columns: string[];
  observationCount: number;
  reading: TableReading;
}

/** Something transform could not place: reported by `check`, never silently dropped. */
export interface Finding {
  sourceId: string;
  kind: 'unplaced_row' | 'unplaced_cell' | 'malformed_number' | 'unparsed_table' | 'unknown_label' | 'invalid_observation';
  tableRef: string | null;
  line: number;
  page: number | null;
  message: string;
  raw: string;
}

/**
 * What a source is (transform/discover/document-kind.ts): an annual report ('report'), another
 * document of the field such as a policy or a notice ('document'), or nothing the warehouse
 * recognises ('unrecognised': no title, headings or tables; refused unless forced).
 */
export type DocumentKind = 'report' | 'document' | 'unrecognised';

/**
 * How a source was classified, and on what evidence. Example, the policy seed: { kind:
 * 'document', title: '国家技术转移体系建设方案', titleLine: 1, headings: 22, headingStyle: '（…）', tables: 0 }.
 */
export interface DocumentClass {
  kind: DocumentKind;
  /** The title printed on its first lines (transform/discover/title.ts), or null. */
  title: string | null;
  /** The 1-based line of that title, or null. */
  titleLine: number | null;
  /** How many headings its longest chain 一, 二, 三 … holds (0 when under three: no structure). */
  headings: number;
  /** That chain's style ("…、", "（…）", "第…章"), or null. */
  headingStyle: string | null;
  /** Tables that yielded observations. */
  tables: number;
}

/** Everything transform derives from one SourceDocument. */
export interface TransformResult {
  edition: number | null;
  /** What the source is: a report, another document of the field, or unrecognised. */
  document: DocumentClass;
  /**
   * What a user should know about how the source was read: an edition inferred from the data
   * years because no title names it ("edition 2010: no title names the edition: inferred …").
   */
  warnings: string[];
  tables: TableRecord[];
  observations: Observation[];
  findings: Finding[];
}

/** One number that took part in a check, with its provenance. */
export interface CheckInput {
  /** The input's role in the arithmetic: "total", "part", "parent", "child", "printed", … */
  role: string;
  tableRef: string;
  rowLabel: string;
  measure: string;
  dataYear: number;
  value: string;
  line: number;
  page: number | null;
}

/**
 * The outcome of one reconciliation check (DESIGN.md "Checks"). `expectedLow`/`expectedHigh`
 * bound what the printed value may be given the rounding of the inputs; `gap` is how far the
 * printed interval lies outside that (0 when consistent). All numbers are exact decimal strings.
 */
export interface CheckResult {
  sourceId: string;
  checkKind: string;
  tableRef: string;
  status: 'pass' | 'fail' | 'skipped';
  /**
   * error: beyond rounding; warning: explained by truncation or a share nudged to 100; review:
   * beyond rounding, but an input comes from a table read with low confidence (a provisional
   * caption, or a caption attached on weak evidence), so the reader may have stumbled; info
   * otherwise.
   */
  severity: 'error' | 'warning' | 'review' | 'info';
  subject: string;
  printed: string | null;
  expectedLow: string | null;
  expectedHigh: string | null;
  gap: string | null;
  message: string;
  inputs: CheckInput[];
}
