/**
 * Region codelist (dimension `region`): the 31 provinces with their GB/T 2260 codes, the cities
 * the reports list (计划单列市, 副省级城市, and the Guangdong cities of 粤港澳大湾区) with their
 * province as parent, 新疆兵团, 港澳台 with 香港/澳门/台湾, 国外, the "其他" areas a table does not
 * name, the national total, and the regional groupings (region-groupings.ts).
 * Labels are the official short names the reports print ("北京", "内蒙古", "新疆兵团").
 * Serves 表3-1…3-4, 表4-1…4-9 and 附表5/6 of the 2018 and 2021 editions and 表5…8 of the 2006
 * edition.
 */
import { codelist, m, TOTAL_CODE, type Member } from './codelist.ts';
import { GROUPINGS } from './region-groupings.ts';

/** One region member: a codelist member with its administrative level. */
export interface Region extends Member {
  level: 'total' | 'province' | 'city' | 'corps' | 'other' | 'grouping';
  /** For a grouping, the codes of the regions (or countries) it is made of; else empty. */
  includes: string[];
}

const P = (code: string, label: string, ...aliases: string[]): Region => ({ ...m(code, label, null, ...aliases), level: 'province', includes: [] });
const C = (code: string, label: string, parent: string): Region => ({ ...m(code, label, parent, label + '市'), level: 'city', includes: [] });
const O = (code: string, label: string, parent: string | null, ...aliases: string[]): Region => ({ ...m(code, label, parent, ...aliases), level: 'other', includes: [] });

/** All region members: the total, provinces in GB/T 2260 order, cities, other areas, groupings. */
export const REGIONS: Region[] = [
  { ...m(TOTAL_CODE, '全国', null, '合计', '总计'), level: 'total', includes: [] },
  P('110000', '北京', '北京市'), P('120000', '天津', '天津市'), P('130000', '河北', '河北省'), P('140000', '山西', '山西省'),
  P('150000', '内蒙古', '内蒙古自治区'), P('210000', '辽宁', '辽宁省'), P('220000', '吉林', '吉林省'), P('230000', '黑龙江', '黑龙江省'),
  P('310000', '上海', '上海市'), P('320000', '江苏', '江苏省'), P('330000', '浙江', '浙江省'), P('340000', '安徽', '安徽省'),
  P('350000', '福建', '福建省'), P('360000', '江西', '江西省'), P('370000', '山东', '山东省'), P('410000', '河南', '河南省'),
  P('420000', '湖北', '湖北省'), P('430000', '湖南', '湖南省'), P('440000', '广东', '广东省'), P('450000', '广西', '广西壮族自治区'),
  P('460000', '海南', '海南省'), P('500000', '重庆', '重庆市'), P('510000', '四川', '四川省'), P('520000', '贵州', '贵州省'),
  P('530000', '云南', '云南省'), P('540000', '西藏', '西藏自治区'), P('610000', '陕西', '陕西省'), P('620000', '甘肃', '甘肃省'),
  P('630000', '青海', '青海省'), P('640000', '宁夏', '宁夏回族自治区'), P('650000', '新疆', '新疆维吾尔自治区'),
  // 计划单列市 (also 副省级城市)
  C('210200', '大连', '210000'), C('330200', '宁波', '330000'), C('350200', '厦门', '350000'), C('370200', '青岛', '370000'),
  C('440300', '深圳', '440000'),
  // the other 副省级城市 (provincial capitals)
  C('210100', '沈阳', '210000'), C('220100', '长春', '220000'), C('230100', '哈尔滨', '230000'),
  C('320100', '南京', '320000'), C('330100', '杭州', '330000'), C('370100', '济南', '370000'), C('420100', '武汉', '420000'),
  C('440100', '广州', '440000'), C('510100', '成都', '510000'), C('610100', '西安', '610000'),
  // the other Guangdong cities of 粤港澳大湾区 (2021 edition 表4-8)
  C('440400', '珠海', '440000'), C('440600', '佛山', '440000'), C('440700', '江门', '440000'), C('441200', '肇庆', '440000'),
  C('441300', '惠州', '440000'), C('441900', '东莞', '440000'), C('442000', '中山', '440000'),
  { ...m('660000', '新疆兵团', '650000', '新疆生产建设兵团', '新疆建设兵团'), level: 'corps', includes: [] },
  O('HMT', '港澳台', null, '港澳台地区'),
  O('810000', '香港', 'HMT', '香港特别行政区'), O('820000', '澳门', 'HMT', '澳门特别行政区'), O('710000', '台湾', 'HMT', '台湾省'),
  O('FOREIGN', '国外', null, '国外地区'),
  // Areas a table does not name (2006 edition 表8 prints "其它" after 港澳台).
  O('OTHER', '其他', null, '其它'),
  ...GROUPINGS,
];

/** The region codelist built from REGIONS (total member `_T`, labelled 全国). */
export const REGION = codelist({
  id: 'region',
  name: '地区',
  source: '2006 表5–8; 2018/2021 表3-1…3-4, 表4-1…4-9, 附表5, 附表6',
  total: TOTAL_CODE,
  members: REGIONS,
});

/** The region a normalised label names (the first when several do), or undefined. */
export function regionByLabel(label: string): Region | undefined {
  return REGION.byLabel(label)[0];
}

/** The label of a region's parent (a city's province, 香港's 港澳台), or null. */
export function parentRegionLabel(label: string): string | null {
  const r = regionByLabel(label);
  return r?.parent ? REGION.byCode(r.parent)?.label ?? null : null;
}
