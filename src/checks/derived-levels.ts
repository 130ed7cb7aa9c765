/**
 * Previous-year levels the running text derives: a level printed with its change against the
 * previous year beside it, in one statement ("科研机构…机构数量为1729家，较上年增加194家": 2019 =
 * 1729 − 194 = 1535; prose observations x_<measure>_change, prose/grammar.ts). A member several
 * members make up (a composite key: "高等院校、科研机构卖方机构数量为2774家，同比增长13.9%")
 * takes the sum of its parts' previous levels, each printed by a table or derived so
 * ((1045 − 134) + (1729 − 194) = 2446, so 13.9 % should be 2774 / 2446 − 1 = 13.4 %). Counts are
 * exact, amounts intervals (interval arithmetic). Serves every edition.
 */
import type { Observation } from '../model.ts';
import { sub, sum } from './interval.ts';
import { compositeParts, isProse } from './members.ts';
import type { RoleInput } from './result.ts';
import { tableValue, type SourceView, type Value } from './source.ts';

/** A member's level for the year before `year` derived in one statement (level − change), or null. */
function derivedOne(v: SourceView, key: string, year: number, measure: string): Value | null {
  const change = v.index.printings(key, year, `x_${measure}_change`).find(isProse);
  const statement = change?.dimensions['text.statement'];
  if (!change || !statement) return null;
  const level = v.index.printings(key, year, measure).find((o) => isProse(o) && o.dimensions['text.statement'] === statement && o.unit === change.unit);
  if (!level) return null;
  return {
    obs: [level, change],
    text: `${level.rowLabel} ${level.value} − ${change.value} (text:${change.line})`,
    read: (r, mult) => sub(r.read(level, mult), r.read(change, mult)),
    inputs: (role): RoleInput[] => [{ role: `${role} (level)`, obs: level }, { role: `${role} (change on the previous year)`, obs: change }],
  };
}

/**
 * The level of `key` for `year − 1` the text derives (see the module comment): derived in one
 * statement, or for a composite key the sum of its parts' (each printed by a table of `like`'s
 * population, else derived); null when a part has neither.
 */
export function derivedPrevious(v: SourceView, key: string, year: number, measure: string, like: Observation): Value | null {
  const own = derivedOne(v, key, year, measure);
  if (own) return own;
  const parts = compositeParts(key);
  if (!parts) return null;
  const values = parts.map((p) => tableValue(v, p, year - 1, measure, like) ?? derivedOne(v, p, year, measure));
  if (values.some((x) => x === null) || !values.some((x) => x!.obs.some((o) => o.measure.endsWith('_change')))) return null;
  return {
    obs: values.flatMap((x) => x!.obs),
    text: `Σ ${values.map((x) => x!.text).join(' + ')}`,
    read: (r, mult) => sum(values.map((x) => x!.read(r, mult))),
    inputs: (role) => values.flatMap((x) => x!.inputs(role)),
  };
}
