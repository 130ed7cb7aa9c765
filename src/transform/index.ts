/**
 * Transform stage: SourceDocument → canonical observations, table records and findings. The only
 * file that knows the order of the steps, one folder per step:
 *  1. normalize/: each line's text as later steps read it (overprint collapsed, full-width
 *     digits, spaced years, traditional script simplified), number cells, years;
 *  2. layout/: what each line is (caption, header or label, data row, prose, furniture …), a unit
 *     line moved to its caption, a label printed above its numbers joined to them;
 *  3. charts/: figures whose value labels survive in the text and tables printed sideways, which
 *     take their lines before tables are looked for;
 *  4. discover/: the edition, then table bodies from their rows and the caption the evidence
 *     favours for each (a provisional reference when none is credible): Block (block.ts);
 *  5. read/: each block against its header: columns, cells, row labels and hierarchy;
 *  6. prose/: figures quoted in the running text, bound to the tables' members;
 * then every observation validated with zod (validate.ts: one that fails becomes an
 * `invalid_observation` finding) and mapped to its codelist members (src/codelists); a label no
 * codelist knows becomes an `unknown_label` finding.
 */
import type { Observation, SourceDocument, TableRecord, TransformResult } from '../model.ts';
import { mapObservations } from '../codelists/index.ts';
import { matchedChartObservations } from './charts/chart-labels.ts';
import { chartObservations } from './charts/charts.ts';
import { attachUnitLines, classifyLine, joinLabelLines } from './layout/lines.ts';
import { proseParagraphs } from './layout/paragraphs.ts';
import { verticalTables } from './charts/vertical.ts';
import { proseObservations } from './prose/prose-observations.ts';
import { discoverTables } from './discover/attach-captions.ts';
import { parseTable } from './read/table.ts';
import { isTraditional } from './normalize/text.ts';
import { detectEdition } from './discover/edition.ts';
import { classifyDocument } from './discover/document-kind.ts';
import { budgetedFindings, DEFAULT_MAX_FINDINGS } from './budget.ts';
import { validObservations } from './validate.ts';
import { silentSlips } from './read/silent-slips.ts';

/** Groups items by a key, keeping first-seen order. */
function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const group = m.get(k);
    if (group) group.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Options of transformDocument. */
export interface TransformOptions {
  /** The most findings the source may have (configuration `maxFindings`); default DEFAULT_MAX_FINDINGS. */
  maxFindings?: number;
}

/**
 * Transforms one extracted source, and classifies it (a report, another document, or
 * unrecognised: discover/document-kind.ts). Never throws on any text: an observation that fails
 * the schema becomes an `invalid_observation` finding (validate.ts). Errors: FindingBudgetError
 * (budget.ts) as soon as the source has more than `maxFindings` findings.
 */
export function transformDocument(doc: SourceDocument, options: TransformOptions = {}): TransformResult {
  const texts = doc.lines.map((l) => l.text);
  const traditional = isTraditional(texts.join('\n'));
  const lines = doc.lines.map((l, i) => classifyLine(l, i, traditional));
  attachUnitLines(lines);
  const found = detectEdition(lines);
  const edition = found.year;
  const ctx = { sourceId: doc.sourceId, sourceName: doc.name, edition };
  const tables: TableRecord[] = [];
  const observations: Observation[] = [];
  const findings = budgetedFindings(options.maxFindings ?? DEFAULT_MAX_FINDINGS);
  const keep = (candidates: readonly Observation[]): Observation[] => {
    const valid = validObservations(candidates, doc.sourceId);
    findings.push(...valid.findings);
    return valid.observations;
  };
  const charts = chartObservations(lines, ctx);
  for (const i of charts.used) lines[i].kind = 'chart';
  const vertical = verticalTables(lines, ctx);
  for (const i of vertical.used) lines[i].kind = 'chart';
  observations.push(...keep(vertical.observations));
  tables.push(...vertical.tables);
  findings.push(...vertical.findings);
  const addCharts = (chartObs: Observation[]) => {
    for (const [ref, read] of groupBy(chartObs, (o) => o.tableRef)) {
      const obs = keep(read);
      if (!obs.length) continue;
      observations.push(...obs);
      tables.push({
        sourceId: doc.sourceId, tableRef: ref, tableTitle: obs[0].tableTitle, tableKind: obs[0].tableKind, titleLine: null,
        firstLine: obs[0].line, lastLine: obs[obs.length - 1].line, columns: [...new Set(obs.map((o) => `${o.dataYear}||${o.measure}|${o.unit}`))],
        observationCount: obs.length,
        reading: { caption: 'found', score: null, evidence: [] },
      });
    }
  };
  addCharts(charts.observations);
  joinLabelLines(lines);
  const discovered = discoverTables(lines);
  for (const { body, reason } of discovered.rejected) {
    for (const l of body) if (l.kind === 'row' || l.kind === 'values') findings.push({ sourceId: doc.sourceId, kind: 'unplaced_row', tableRef: null, line: l.src.line, page: l.src.page, message: reason, raw: l.src.text });
  }
  const paragraphs = proseParagraphs(lines);
  for (const block of discovered.blocks) {
    const t = parseTable(block, ctx, paragraphs);
    findings.push(...t.findings);
    const kept = keep(t.observations);
    observations.push(...kept);
    tables.push({
      sourceId: doc.sourceId, tableRef: t.ref, tableTitle: t.title, tableKind: t.kind,
      titleLine: block.titleLine?.src.line ?? null,
      firstLine: (block.header[0] ?? block.body[0]).src.line,
      lastLine: block.body[block.body.length - 1].src.line,
      columns: t.columns.map((c) => [c.year ?? '', c.group, c.measure ?? '(row label)', c.unit ?? ''].join('|')),
      observationCount: kept.length,
      reading: { ...block.reading, evidence: [...block.reading.evidence, ...t.evidence] },
    });
  }
  addCharts(matchedChartObservations(lines, observations, ctx));
  mapObservations(observations).forEach((m, i) => {
    const o = observations[i];
    o.dimensions = { ...m.dimensions, ...o.dimensions };
    if (m.unmapped) {
      findings.push({ sourceId: doc.sourceId, kind: 'unknown_label', tableRef: o.tableRef, line: o.line, page: o.page, message: `"${m.unmapped}" is in no codelist${m.reason ? ` (${m.reason})` : ''}`, raw: o.rowLabel });
    }
  });
  observations.push(...keep(proseObservations(lines, observations, ctx)));
  findings.push(...silentSlips(lines, findings, doc.sourceId));
  const document = classifyDocument(lines, found, tables);
  // A document other than a report has no edition to name: nothing to warn about.
  const warnings = found.how === 'named' || document.kind === 'document' ? [] : [`edition ${found.year ?? 'unknown'}: ${found.detail}`];
  return { edition, document, tables, observations, findings, warnings };
}
