/**
 * Entity-type codelist (法人类型): the legal forms of sellers and buyers, used by the dimensions
 * `seller_type` (附表9, 表5-2 of the 2018/2021 editions), `buyer_type` (附表14, 表5-6) and
 * `entity_type` (where no side is named: the 2018 edition's 图5-1 of 国家技术转移示范机构).
 * 附表9/14 break 事业法人 and 企业法人 down; the 2021 edition's 表5-2/5-6 also 机关法人, 社团法人,
 * 自然人 and 其他组织. "其他" occurs under 事业法人: it is told apart by its parent.
 * 技术贸易机构 is the 2006 edition's seller category (图9).
 */
import { codelist, m, TOTAL_CODE } from './codelist.ts';

/** The entity-type codelist. */
export const ENTITY_TYPE = codelist({
  id: 'entity_type',
  name: '法人类型',
  source: '2018/2021 附表9, 附表14, 表5-2, 表5-6; 2018 图5-1; 2006 图9',
  total: TOTAL_CODE,
  members: [
    m(TOTAL_CODE, '总计', null, '合计'),
    m('gov', '机关法人'),
    m('gov.national', '国家级行政机关', 'gov'),
    m('gov.provincial', '省级行政机关', 'gov'),
    m('gov.municipal', '市级行政机关', 'gov'),
    m('gov.county', '县级及以下行政机关', 'gov'),
    m('public', '事业法人'),
    m('public.research', '科研机构', 'public'),
    m('public.university', '高等院校', 'public'),
    m('public.medical', '医疗、卫生', 'public'),
    m('public.other', '其他', 'public', '其它'),
    m('society', '社团法人'),
    m('society.national', '国家民政机关批准', 'society'),
    m('society.provincial', '省市民政机关批准', 'society'),
    m('society.county', '区县民政机关批准', 'society'),
    m('enterprise', '企业法人'),
    m('enterprise.domestic', '内资企业', 'enterprise'),
    m('enterprise.hmt', '港澳台商投资企业', 'enterprise'),
    m('enterprise.foreign', '外商投资企业', 'enterprise'),
    m('enterprise.individual', '个体经营', 'enterprise'),
    m('enterprise.overseas', '境外企业', 'enterprise'),
    m('person', '自然人'),
    m('person.chinese', '中国籍', 'person'),
    m('person.foreign', '外国籍', 'person'),
    m('other_org', '其他组织'),
    m('other_org.branch', '单位分支机构', 'other_org'),
    m('other_org.domestic', '其他国内组织', 'other_org'),
    m('other_org.foreign', '其他外国组织', 'other_org'),
    m('private_non_enterprise', '民办非企业法人'),
    m('internal_unit', '法人内设'),
    m('tech_trade_org', '技术贸易机构'),
  ],
});
