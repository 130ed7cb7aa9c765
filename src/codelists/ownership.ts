/**
 * Ownership codelist (dimension `ownership`, 登记注册类型): how the 2006 edition's 表9 divides
 * 技术贸易机构 (国有, 集体, 私营, 个体, 有限责任公司, 股份有限公司, 港澳台投资公司,
 * 外商投资公司, 其它).
 */
import { codelist, m, TOTAL_CODE } from './codelist.ts';

/** The ownership codelist. */
export const OWNERSHIP = codelist({
  id: 'ownership',
  name: '登记注册类型',
  source: '2006 表9',
  total: TOTAL_CODE,
  members: [
    m(TOTAL_CODE, '合计', null, '总计'),
    m('state', '国有'),
    m('collective', '集体'),
    m('private', '私营'),
    m('individual', '个体'),
    m('llc', '有限责任公司'),
    m('joint_stock', '股份有限公司'),
    m('hmt_invested', '港澳台投资公司'),
    m('foreign_invested', '外商投资公司'),
    m('other', '其它', null, '其他'),
  ],
});
