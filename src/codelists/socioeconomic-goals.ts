/**
 * Socio-economic-objective codelist (dimension `socioeconomic_goal`, 社会—经济目标): the 13
 * objectives of 附表11 (2018/2021 editions) and 图2-6 (2021 edition).
 */
import { codelist, m, TOTAL_CODE } from './codelist.ts';

/** The socio-economic-objective codelist. */
export const SOCIOECONOMIC_GOAL = codelist({
  id: 'socioeconomic_goal',
  name: '社会—经济目标',
  source: '2018/2021 附表11; 2021 图2-6',
  total: TOTAL_CODE,
  members: [
    m(TOTAL_CODE, '合计', null, '总计'),
    m('earth_atmosphere', '地球和大气层的探索与利用'),
    m('civil_space', '民用空间探测及开发'),
    m('agriculture', '农林牧渔业发展'),
    m('industry_commerce', '工商业发展'),
    m('energy', '能源生产、分配和合理利用'),
    m('infrastructure', '基础设施以及城市和农村规划'),
    m('environment', '环境保护、生态建设及污染防治'),
    m('health', '卫生事业发展'),
    m('education', '教育事业发展'),
    m('social', '社会发展和社会服务'),
    m('defence', '国防'),
    m('non_oriented', '非定向研究'),
    m('other_civil', '其他民用目标'),
  ],
});
