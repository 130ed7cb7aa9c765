/**
 * Row hierarchy of a table, as the reports print it (all editions):
 *  - "其中：X" sub-rows belong to the row above, and so do the cities printed after them without
 *    "其中" (a city whose province, by the region codelist, is that row);
 *  - a section head (a label alone on its line) owns the rows under it until they add up to the
 *    section's 合计 (printed first), until its own 合计 (printed last), or until a row would carry
 *    the section past its printed total;
 *  - a section head that names a dimension (合同类别, 技术领域, 知识产权 …) sets column_group
 *    instead of a parent.
 */
import { Decimal } from 'decimal.js';
import { parentRegionLabel } from '../../codelists/regions.ts';
import { DIMENSION_HEAD } from './wrapped-labels.ts';


/** Labels of total rows. */
export const TOTAL = /^(合计|总计|小计)$/;

type Section = { label: string; kind: 'parent' | 'group'; total: Decimal | null; acc: Decimal };

/** Where a row stands: its parent label and the column group a section gives it. */
export interface Placement {
  parent: string;
  group: string;
}

/** Tracks sections and sub-rows down one table body. */
export class RowHierarchy {
  private section: Section | null = null;
  private lastTop: string | null = null;
  private subOpen = false;

  /** The label of the open section, if any. */
  get sectionLabel(): string | null {
    return this.section?.label ?? null;
  }

  /** Opens a section under the head `label` (normalised). */
  openSection(label: string): void {
    this.section = { label, kind: DIMENSION_HEAD.test(label) ? 'group' : 'parent', total: null, acc: new Decimal(0) };
    this.lastTop = null;
    this.subOpen = false;
  }

  /**
   * Places one row: `rawLabel` as printed (with any "其中："), `label` normalised, `value` the
   * row's count (else first number), which decides section membership. Call in row order.
   */
  place(rawLabel: string, label: string, value: Decimal | null): Placement {
    const isSub = /^\s*其中[:：]/.test(rawLabel);
    const isTotal = TOTAL.test(label);
    const s = this.section;
    if (s?.total && !isTotal && s.acc.plus(value ?? 0).gt(s.total)) this.section = null;
    let parent = '';
    if (isSub && this.lastTop) {
      parent = this.lastTop;
      this.subOpen = true;
    } else if (this.subOpen && this.lastTop && parentRegionLabel(label) === this.lastTop) {
      parent = this.lastTop;
    } else if (this.section?.kind === 'parent') {
      parent = this.section.label;
    } else {
      this.subOpen = false;
      if (!isTotal) this.lastTop = label;
    }
    const group = this.section?.kind === 'group' ? this.section.label : '';
    if (this.section) this.section = advance(this.section, label, parent, value);
    return { parent, group };
  }
}

/** Tracks a section's membership by arithmetic; returns null once the section is complete. */
function advance(section: Section, label: string, parent: string, v: Decimal | null): Section | null {
  if (TOTAL.test(label)) {
    if (section.acc.isZero() && !section.total && v) return { ...section, total: v };
    return null;
  }
  if (section.kind === 'parent' && parent !== section.label) return section;
  const acc = v ? section.acc.plus(v) : section.acc;
  if (section.total && acc.gte(section.total)) return null;
  return { ...section, acc };
}
