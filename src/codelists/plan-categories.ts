/**
 * Plan-category codelist (dimension `plan_category`, 计划类别): the plan levels of 附表12 and
 * 图2-7 (2018/2021 editions) with the national plans under 国家科技计划, and the levels of the
 * 2006 edition's 表3, which prints 国家、部门计划 as one column (`national_dept`: the national
 * and the ministerial plans together, so it has no parent) and the provincial and local levels
 * with other punctuation (aliases).
 */
import { codelist, m, TOTAL_CODE } from './codelist.ts';

const N = (code: string, label: string, ...aliases: string[]) => m(`national.${code}`, label, 'national', ...aliases);

/** The plan-category codelist. */
export const PLAN_CATEGORY = codelist({
  id: 'plan_category',
  name: '计划类别',
  source: '2006 表3; 2018/2021 附表12, 图2-7',
  total: TOTAL_CODE,
  members: [
    m(TOTAL_CODE, '合计', null, '总计'),
    m('national', '国家科技计划'),
    N('863', '高技术研究发展计划（863计划）'),
    N('intl_coop', '国际科技合作计划'),
    N('iter', '国际热核聚变实验堆（ITER）计划专项'),
    N('support', '国家科技支撑计划'),
    N('major_projects', '国家科技重大专项'),
    N('agri_transfer_fund', '国家农业科技成果转化资金'),
    N('soft_science', '国家软科学研究计划'),
    N('key_new_products', '国家重点新产品计划'),
    N('torch', '火炬计划'),
    N('973', '基础研究计划（973计划）、国家重大科学研究计划'),
    N('county_prosperity', '科技富民强县专项行动计划'),
    N('public_benefit', '科技惠民计划'),
    N('platform', '科技基础条件平台建设'),
    N('trade_promotion', '科技兴贸行动计划'),
    N('sme_fund', '科技型中小企业技术创新基金'),
    N('institute_fund', '科研院所技术开发研究专项资金'),
    N('spark', '星火计划'),
    N('nsf', '自然科学基金'),
    N('other', '其他', '其它'),
    m('dept', '部门计划'),
    m('national_dept', '国家、部门计划'),
    m('provincial', '省（自治区、直辖市）及计划单列市计划', null, '省、自治区、直辖市、计划单列市计划'),
    m('local', '地市县计划', null, '地、市、县计划'),
    m('corps_college', '师市、院校计划'),
    m('unplanned', '计划外'),
  ],
});
