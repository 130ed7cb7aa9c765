/**
 * How well a table's row labels fit what a caption promises: which codelists know each label,
 * and whether the regions of a table lie inside the grouping its title names. Table discovery
 * (src/transform/discover) weighs these as evidence when it decides which caption names which
 * body: "表4-5 2017年东北地区技术交易情况" fits a body of 辽宁/吉林/黑龙江, not one of 北京/天津/河北.
 */
import { withoutUnit } from './measure-rows.ts';
import { DIMENSIONS, ENTITY, kindRowDimensions } from './index.ts';
import { GROUPINGS } from './region-groupings.ts';
import { REGION } from './regions.ts';

const TOTALS = /^(合计|总计|小计|全国)$/;

/** The dimensions whose codelist knows a normalised row label ("北京" → ["region"]); [] for totals and unknown labels. */
export function labelDimensions(label: string): string[] {
  let dims = KNOWN.get(label);
  if (!dims) KNOWN.set(label, (dims = lookUp(label)));
  return dims;
}

/** labelDimensions of every label asked so far (codelists never change while the process runs). */
const KNOWN = new Map<string, string[]>();

/** The dimensions whose codelist knows a label (see labelDimensions). */
function lookUp(label: string): string[] {
  if (TOTALS.test(label)) return [];
  const bare = withoutUnit(label);
  const out: string[] = [];
  for (const [id, cl] of Object.entries(DIMENSIONS)) {
    if (id === 'buyer_type' || id === 'seller_type') continue;
    if (cl.byLabel(label).length || cl.byLabel(bare).length) out.push(id);
  }
  return out;
}

/** Seller, buyer and entity types share one codelist: a kind naming one accepts the others' labels. */
function sameDimension(a: string, b: string): boolean {
  const entity = (d: string) => d === 'seller_type' || d === 'buyer_type' || d === 'entity_type';
  return a === b || (entity(a) && entity(b));
}

/**
 * How a table kind fits its rows: of the labels some codelist knows (`known`), how many belong
 * to a dimension the kind's rows may use (`fitting`). A kind whose rows may be named
 * institutions, or whose rows name measures (national series), has no opinion: null.
 */
export function kindFit(kind: string, labels: readonly string[]): { known: number; fitting: number } | null {
  const dims = kindRowDimensions(kind);
  if (!dims.length || dims.includes(ENTITY) || kind === 'other') return null;
  let known = 0;
  let fitting = 0;
  for (const label of new Set(labels)) {
    const of = labelDimensions(label);
    if (!of.length) continue;
    known++;
    if (of.some((d) => dims.some((k) => sameDimension(d, k)))) fitting++;
  }
  return { known, fitting };
}

/**
 * How a regional grouping fits a table's region rows ("东部地区" and rows 北京, 天津 …): of the
 * distinct labels that name a province or city (`regions`), how many lie inside the grouping
 * (`inside`; a city counts through its province). Null for a code that is no grouping.
 */
export function groupingFit(code: string, labels: readonly string[]): { regions: number; inside: number } | null {
  const grouping = GROUPINGS.find((g) => g.code === code);
  if (!grouping) return null;
  const includes = new Set(grouping.includes);
  let regions = 0;
  let inside = 0;
  for (const label of new Set(labels)) {
    const r = REGION.byLabel(label).find((m) => m.code !== '_T');
    if (!r || !/^\d{6}$/.test(r.code)) continue;
    regions++;
    if (includes.has(r.code) || (r.parent && includes.has(r.parent))) inside++;
  }
  return { regions, inside };
}
