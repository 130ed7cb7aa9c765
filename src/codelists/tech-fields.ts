/**
 * Technology-field codelist (dimension `tech_field`, 技术领域): the 11 fields of 附表3. The 2018
 * edition prints several with a trailing "技术" ("电子信息技术", "核应用技术"), the 2021 edition
 * without; both are labels of the same member. Serves 附表3, 附表4 (技术领域 section), 表4-10,
 * 表4-13.
 */
import { codelist, m, TOTAL_CODE } from './codelist.ts';

/** The technology-field codelist. */
export const TECH_FIELD = codelist({
  id: 'tech_field',
  name: '技术领域',
  source: '2018/2021 附表3, 附表4; 2021 表4-10, 表4-13',
  total: TOTAL_CODE,
  members: [
    m(TOTAL_CODE, '合计', null, '总计'),
    m('electronics', '电子信息', null, '电子信息技术'),
    m('manufacturing', '先进制造', null, '先进制造技术'),
    m('aerospace', '航空航天', null, '航空航天技术'),
    m('transport', '现代交通'),
    m('agriculture', '农业', null, '农业技术'),
    m('new_materials', '新材料及其应用'),
    m('energy', '新能源与高效节能'),
    m('environment', '环境保护与资源综合利用', null, '环境保护与资源综合利用技术'),
    m('biomed', '生物、医药和医疗器械', null, '生物、医药和医疗器械技术'),
    m('urban', '城市建设与社会发展'),
    m('nuclear', '核应用', null, '核应用技术'),
  ],
});
