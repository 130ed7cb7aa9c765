/**
 * Flow codelist (dimension `flow`): which side of a contract a figure counts. `registered`:
 * contracts as registered (认定登记) where the table names no side (表3-1 of the 2018/2021
 * editions, 表5–7 of the 2006 edition); `outflow`: the row as seller (输出技术, the 卖方 side);
 * `inflow`: the row as buyer (吸纳技术, the 买方 side). Printed as column groups of 表3-2…4-11
 * and in the titles of 附表5/6, 表4-12…4-14 and 表5-3…5-9.
 */
import { codelist, m } from './codelist.ts';

/** The flow codelist: no total (the sides are views of the same contracts, not parts). */
export const FLOW = codelist({
  id: 'flow',
  name: '流向',
  source: '2006 表5–8; 2018/2021 表3-1…4-14, 附表5, 附表6, 表5-3…5-9',
  total: null,
  members: [
    m('registered', '认定登记'),
    m('outflow', '输出技术', null, '输出', '卖方'),
    m('inflow', '吸纳技术', null, '吸纳', '买方'),
  ],
});
