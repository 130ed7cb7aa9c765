/**
 * Region codelist: the 31 provinces with their GB/T 2260 codes, the cities the reports list
 * (计划单列市 and 副省级城市) with their province as parent, 新疆生产建设兵团, 港澳台 and 国外.
 * Labels are the official short names the reports print ("北京", "内蒙古", "新疆兵团").
 */

/** One region member: its code, official label, printed aliases and parent code. */
export interface Region {
  code: string;
  label: string;
  aliases: string[];
  parent: string | null;
  level: 'province' | 'city' | 'corps' | 'other';
}

const P = (code: string, label: string, ...aliases: string[]): Region => ({ code, label, aliases, parent: null, level: 'province' });
const C = (code: string, label: string, parent: string): Region => ({ code, label, aliases: [label + '市'], parent, level: 'city' });

/** All region members, provinces first in GB/T 2260 order. */
export const REGIONS: Region[] = [
  P('110000', '北京', '北京市'), P('120000', '天津', '天津市'), P('130000', '河北', '河北省'), P('140000', '山西', '山西省'),
  P('150000', '内蒙古', '内蒙古自治区'), P('210000', '辽宁', '辽宁省'), P('220000', '吉林', '吉林省'), P('230000', '黑龙江', '黑龙江省'),
  P('310000', '上海', '上海市'), P('320000', '江苏', '江苏省'), P('330000', '浙江', '浙江省'), P('340000', '安徽', '安徽省'),
  P('350000', '福建', '福建省'), P('360000', '江西', '江西省'), P('370000', '山东', '山东省'), P('410000', '河南', '河南省'),
  P('420000', '湖北', '湖北省'), P('430000', '湖南', '湖南省'), P('440000', '广东', '广东省'), P('450000', '广西', '广西壮族自治区'),
  P('460000', '海南', '海南省'), P('500000', '重庆', '重庆市'), P('510000', '四川', '四川省'), P('520000', '贵州', '贵州省'),
  P('530000', '云南', '云南省'), P('540000', '西藏', '西藏自治区'), P('610000', '陕西', '陕西省'), P('620000', '甘肃', '甘肃省'),
  P('630000', '青海', '青海省'), P('640000', '宁夏', '宁夏回族自治区'), P('650000', '新疆', '新疆维吾尔自治区'),
  C('210200', '大连', '210000'), C('330200', '宁波', '330000'), C('350200', '厦门', '350000'), C('370200', '青岛', '370000'),
  C('440300', '深圳', '440000'), C('210100', '沈阳', '210000'), C('220100', '长春', '220000'), C('230100', '哈尔滨', '230000'),
  C('320100', '南京', '320000'), C('330100', '杭州', '330000'), C('370100', '济南', '370000'), C('420100', '武汉', '420000'),
  C('440100', '广州', '440000'), C('510100', '成都', '510000'), C('610100', '西安', '610000'),
  { code: '660000', label: '新疆兵团', aliases: ['新疆生产建设兵团', '新疆建设兵团'], parent: '650000', level: 'corps' },
  { code: 'HMT', label: '港澳台', aliases: ['港澳台地区'], parent: null, level: 'other' },
  { code: 'FOREIGN', label: '国外', aliases: ['境外', '国外地区'], parent: null, level: 'other' },
];

const byLabel = new Map<string, Region>();
for (const r of REGIONS) for (const l of [r.label, ...r.aliases]) byLabel.set(l, r);
const byCode = new Map(REGIONS.map((r) => [r.code, r]));

/** The region a normalised label names, or undefined. */
export function regionByLabel(label: string): Region | undefined {
  return byLabel.get(label);
}

/** The label of a region's parent (a city's province), or null. */
export function parentRegionLabel(label: string): string | null {
  const r = byLabel.get(label);
  return r?.parent ? byCode.get(r.parent)?.label ?? null : null;
}
