/**
 * Technology-transfer-institution type codelist (dimension `tto_type`, 机构类型): how the 2018
 * edition's 图5-2 divides 国家技术转移示范机构 (科研院所, 高校, 技术（产权）交易, 政府所属,
 * 独立第三方).
 */
import { codelist, m, TOTAL_CODE } from './codelist.ts';

/** The technology-transfer-institution type codelist. */
export const TTO_TYPE = codelist({
  id: 'tto_type',
  name: '机构类型',
  source: '2018 图5-2',
  total: TOTAL_CODE,
  members: [
    m(TOTAL_CODE, '合计', null, '总计'),
    m('research_institute', '科研院所'),
    m('university', '高校'),
    m('exchange', '技术（产权）交易'),
    m('government', '政府所属'),
    m('independent', '独立第三方'),
  ],
});
