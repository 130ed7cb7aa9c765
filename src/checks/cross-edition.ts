/**
 * Check kind `cross_edition` (DESIGN.md "Checks": the same figure agrees across editions; a
 * difference between editions is a revision, not an error). The same member, year and measure
 * printed by two editions (the 2018 edition's 2017 column and the 2021 edition's 附表1 row for
 * 2017) is compared within rounding: equal → pass; different → a failure of severity 'info'
 * reporting the revision, with both printings. Only levels, averages and growth rates of each
 * source's main population (populations.ts) are compared; ranks and shares depend on their table.
 * Runs over the whole warehouse (src/audit), since each source is checked alone at ingest.
 * Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Readers, type Relation } from './evaluate.ts';
import { indexMembers, isProse } from './members.ts';
import { populations } from './populations.ts';
import { passSummary, resultOf } from './result.ts';

const KIND = 'cross_edition';

/** The observations of one loaded source. */
export interface EditionSource {
  /** File name (the `seed`). */
  name: string;
  edition: number | null;
  observations: readonly Observation[];
}

/** A cross-edition result; `inputFiles[i]` is the file of `inputs[i]` (they span two sources). */
export type EditionResult = CheckResult & { inputFiles: string[] };

/** One source's comparable printings by `${key}|${year}|${measure}` (its first printing each). */
function printingsOf(source: EditionSource): Map<string, Observation> {
  const index = indexMembers(source.observations);
  const pops = populations(source.observations, index);
  const minority = new Set(pops.minority());
  const out = new Map<string, Observation>();
  for (const o of source.observations) {
    if (isProse(o) || minority.has(o.tableRef) || /_rank$|_share_pct$/.test(o.measure)) continue;
    const key = index.keyOf(o);
    if (key === null) continue;
    const slot = `${key}|${o.dataYear}|${o.measure}`;
    if (!out.has(slot)) out.set(slot, o);
  }
  return out;
}

/**
 * Compares every figure two editions print for the same year (see the module comment). Sources
 * without an edition are left out. One result per pair of editions and figure.
 */
export function crossEdition(sources: readonly EditionSource[], readers: Readers): EditionResult[] {
  const dated = sources.filter((s) => s.edition !== null).sort((a, b) => a.edition! - b.edition!);
  const printed = dated.map((s) => ({ source: s, printings: printingsOf(s) }));
  const out: EditionResult[] = [];
  for (let i = 0; i < printed.length; i++) {
    for (let j = i + 1; j < printed.length; j++) {
      const [older, newer] = [printed[i], printed[j]];
      if (older.source.edition === newer.source.edition) continue;
      for (const [slot, b] of newer.printings) {
        const a = older.printings.get(slot);
        if (!a) continue;
        out.push(compare(a, older.source, b, newer.source, readers));
      }
    }
  }
  return out;
}

/** Compares one figure of an older and a newer edition. */
function compare(a: Observation, older: EditionSource, b: Observation, newer: EditionSource, readers: Readers): EditionResult {
  const scope = { sourceId: b.sourceId, tableRef: b.tableRef };
  const subject = `${b.tableRef} ${b.rowLabel} ${b.measure} ${b.dataYear}: ${older.edition} edition vs ${newer.edition} edition`;
  const inputs = [
    { role: `${older.edition} edition`, obs: a },
    { role: `${newer.edition} edition`, obs: b },
  ];
  const inputFiles = [older.name, newer.name];
  const relation: Relation = { expected: (r) => r.read(a, b.unitMult), printed: b, relation: 'equal' };
  const evaluation = evaluate(relation, readers);
  if (evaluation.outcome === 'pass') {
    return { ...passSummary(KIND, scope, subject, `both editions print ${a.value} / ${b.value} (${older.name}:${a.line}, ${newer.name}:${b.line})`, inputs), inputFiles };
  }
  const r = resultOf({
    kind: KIND,
    scope,
    subject,
    relation,
    evaluation,
    inputs,
    arithmetic: `${older.edition} edition ${a.value} (${older.name}:${a.line})`,
    printedText: `${newer.edition} edition ${b.value} (${newer.name}:${b.line})`,
  });
  return { ...r, severity: 'info', message: `revised: ${r.message.replace(/; (beyond rounding|explained if the figures were truncated instead of rounded)$/, '')}`, inputFiles };
}
