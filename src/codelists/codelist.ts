/**
 * The shape every codelist shares: members with a short stable ASCII code, the official Chinese
 * label, the other wordings the editions print (aliases) and, for hierarchical codelists, the
 * parent's code. Lookup is by exact normalised label (as the transform prints row labels:
 * spaces and "其中：" removed); a label may name several members (e.g. "其他" under two
 * different parents), so label lookup returns all of them.
 */

/** One member of a codelist. */
export interface Member {
  /** Short stable ASCII code, unique within its codelist, e.g. "dev.commissioned". */
  code: string;
  /** The official Chinese label, e.g. "委托开发". */
  label: string;
  /** Other printed wordings of the same member across editions, e.g. "电子信息技术". */
  aliases: string[];
  /** The parent member's code, or null for a top-level member. */
  parent: string | null;
}

/** A codelist: its members plus indexes by code and by label. */
export interface Codelist<M extends Member = Member> {
  /** Codelist id, e.g. "contract_type". */
  id: string;
  /** What the codelist classifies, in Chinese as the reports head it, e.g. "合同类别". */
  name: string;
  /** The editions and tables whose rows the codelist serves (documentation). */
  source: string;
  members: readonly M[];
  /**
   * Code of the member that a table's total row (合计, 总计) stands for, e.g. "_T"; null when
   * the classification has no total (its rows are not parts of one whole).
   */
  total: string | null;
  /** The member with this code, or undefined. */
  byCode(code: string): M | undefined;
  /** Every member whose label or alias is exactly this label (empty when none). */
  byLabel(label: string): M[];
}

/** Builds a codelist and its indexes from its members. */
export function codelist<M extends Member>(spec: { id: string; name: string; source: string; total: string | null; members: M[] }): Codelist<M> {
  const codes = new Map<string, M>();
  const labels = new Map<string, M[]>();
  for (const m of spec.members) {
    codes.set(m.code, m);
    for (const l of new Set([m.label, ...m.aliases])) labels.set(l, [...(labels.get(l) ?? []), m]);
  }
  return {
    ...spec,
    byCode: (code) => codes.get(code),
    byLabel: (label) => labels.get(label) ?? [],
  };
}

/**
 * Shorthand for a member: `m("dev.commissioned", "委托开发", "dev")`; aliases follow the parent.
 */
export function m(code: string, label: string, parent: string | null = null, ...aliases: string[]): Member {
  return { code, label, aliases, parent };
}

/** The SDMX code for a total ("all members"), used by every codelist that has one. */
export const TOTAL_CODE = '_T';
