/**
 * Intellectual-property codelist (dimension `ip_type`, 知识产权): the kinds of 附表7, with the
 * three patent kinds under 专利. 附表4 of the 2021 edition prints shorter forms ("植物新品种",
 * "生物、医药新品种"): aliases. Serves 附表4 (知识产权 section), 附表7, 图2-4.
 */
import { codelist, m, TOTAL_CODE } from './codelist.ts';

/** The intellectual-property codelist. */
export const IP_TYPE = codelist({
  id: 'ip_type',
  name: '知识产权',
  source: '2018/2021 附表4, 附表7; 2018 图2-4',
  total: TOTAL_CODE,
  members: [
    m(TOTAL_CODE, '合计', null, '总计'),
    m('secret', '技术秘密'),
    m('patent', '专利'),
    m('patent.invention', '发明专利', 'patent'),
    m('patent.utility', '实用新型专利', 'patent'),
    m('patent.design', '外观设计专利', 'patent'),
    m('software', '计算机软件著作权'),
    m('ic_layout', '集成电路布图设计专有权'),
    m('plant_variety', '植物新品种权', null, '植物新品种'),
    m('biomed_variety', '生物、医药新品种权', null, '生物、医药新品种'),
    m('design_copyright', '设计著作权'),
    m('none', '未涉及知识产权'),
  ],
});
