/**
 * Country codelist (dimension `country`): foreign countries by ISO 3166-1 alpha-2 code with the
 * Chinese names the reports print ("德国", "阿联酋", "捷克共和国"), grouped under the continents
 * the 2018 edition's 表4-8 lists (亚洲, 欧洲, 美洲, 非洲, 大洋洲; parents after the UN M49
 * regions), plus 其他国家 ("other") and the total. Serves 表4-8 (2018 edition), 表4-9 and 表4-12
 * (2021 edition), and the “一带一路” grouping (region-groupings.ts).
 * Holds every country of the seeds, the countries along the Belt and Road, and other frequent
 * trading partners.
 */
import { codelist, m, TOTAL_CODE, type Member } from './codelist.ts';

/** One country member: a codelist member with its level. */
export interface Country extends Member {
  level: 'total' | 'continent' | 'country' | 'other';
}

const K = (level: Country['level']) => (code: string, label: string, parent: string | null, ...aliases: string[]): Country => ({ ...m(code, label, parent, ...aliases), level });
const Z = K('continent');
const c = K('country');

/** All country members. */
export const COUNTRIES: Country[] = [
  K('total')(TOTAL_CODE, '合计', null, '总计'),
  Z('asia', '亚洲', null), Z('europe', '欧洲', null), Z('americas', '美洲', null), Z('africa', '非洲', null), Z('oceania', '大洋洲', null),
  K('other')('other', '其他国家', null, '其他', '其它'),
  // Asia
  c('JP', '日本', 'asia'), c('KR', '韩国', 'asia', '大韩民国'), c('MN', '蒙古', 'asia', '蒙古国'),
  c('SG', '新加坡', 'asia'), c('MY', '马来西亚', 'asia'), c('ID', '印度尼西亚', 'asia', '印尼'), c('MM', '缅甸', 'asia'),
  c('TH', '泰国', 'asia'), c('LA', '老挝', 'asia'), c('KH', '柬埔寨', 'asia'), c('VN', '越南', 'asia'), c('BN', '文莱', 'asia'),
  c('PH', '菲律宾', 'asia'),
  c('IR', '伊朗', 'asia'), c('IQ', '伊拉克', 'asia'), c('TR', '土耳其', 'asia'), c('SY', '叙利亚', 'asia'), c('JO', '约旦', 'asia'),
  c('LB', '黎巴嫩', 'asia'), c('IL', '以色列', 'asia'), c('PS', '巴勒斯坦', 'asia'), c('SA', '沙特阿拉伯', 'asia', '沙特'),
  c('YE', '也门', 'asia'), c('OM', '阿曼', 'asia'), c('AE', '阿联酋', 'asia', '阿拉伯联合酋长国'), c('QA', '卡塔尔', 'asia'),
  c('KW', '科威特', 'asia'), c('BH', '巴林', 'asia'), c('CY', '塞浦路斯', 'asia'),
  c('IN', '印度', 'asia'), c('PK', '巴基斯坦', 'asia'), c('BD', '孟加拉国', 'asia', '孟加拉'), c('AF', '阿富汗', 'asia'),
  c('LK', '斯里兰卡', 'asia'), c('MV', '马尔代夫', 'asia'), c('NP', '尼泊尔', 'asia'), c('BT', '不丹', 'asia'),
  c('KZ', '哈萨克斯坦', 'asia'), c('UZ', '乌兹别克斯坦', 'asia'), c('TM', '土库曼斯坦', 'asia'), c('KG', '吉尔吉斯斯坦', 'asia'),
  c('TJ', '塔吉克斯坦', 'asia'), c('GE', '格鲁吉亚', 'asia'), c('AZ', '阿塞拜疆', 'asia'), c('AM', '亚美尼亚', 'asia'),
  // Europe
  c('DE', '德国', 'europe'), c('FR', '法国', 'europe'), c('GB', '英国', 'europe'), c('IT', '意大利', 'europe'),
  c('ES', '西班牙', 'europe'), c('PT', '葡萄牙', 'europe'), c('NL', '荷兰', 'europe'), c('BE', '比利时', 'europe'),
  c('LU', '卢森堡', 'europe'), c('CH', '瑞士', 'europe'), c('AT', '奥地利', 'europe'), c('IE', '爱尔兰', 'europe'),
  c('SE', '瑞典', 'europe'), c('NO', '挪威', 'europe'), c('FI', '芬兰', 'europe'), c('DK', '丹麦', 'europe'), c('IS', '冰岛', 'europe'),
  c('GR', '希腊', 'europe'), c('MT', '马耳他', 'europe'), c('RU', '俄罗斯', 'europe', '俄罗斯联邦'), c('UA', '乌克兰', 'europe'),
  c('BY', '白俄罗斯', 'europe'), c('MD', '摩尔多瓦', 'europe'),
  c('PL', '波兰', 'europe'), c('LT', '立陶宛', 'europe'), c('EE', '爱沙尼亚', 'europe'), c('LV', '拉脱维亚', 'europe'),
  c('CZ', '捷克共和国', 'europe', '捷克'), c('SK', '斯洛伐克', 'europe'), c('HU', '匈牙利', 'europe'), c('SI', '斯洛文尼亚', 'europe'),
  c('HR', '克罗地亚', 'europe'), c('BA', '波黑', 'europe', '波斯尼亚和黑塞哥维那'), c('ME', '黑山', 'europe'), c('RS', '塞尔维亚', 'europe'),
  c('AL', '阿尔巴尼亚', 'europe'), c('RO', '罗马尼亚', 'europe'), c('BG', '保加利亚', 'europe'), c('MK', '北马其顿', 'europe', '马其顿'),
  // Americas
  c('US', '美国', 'americas'), c('CA', '加拿大', 'americas'), c('MX', '墨西哥', 'americas'), c('BR', '巴西', 'americas'),
  c('AR', '阿根廷', 'americas'), c('CL', '智利', 'americas'), c('PE', '秘鲁', 'americas'), c('CO', '哥伦比亚', 'americas'),
  c('VE', '委内瑞拉', 'americas'), c('EC', '厄瓜多尔', 'americas'), c('PA', '巴拿马', 'americas'), c('CR', '哥斯达黎加', 'americas'),
  c('JM', '牙买加', 'americas'), c('KY', '开曼群岛', 'americas'), c('VG', '英属维尔京群岛', 'americas'), c('BM', '百慕大', 'americas'),
  // Africa
  c('EG', '埃及', 'africa'), c('DZ', '阿尔及利亚', 'africa'), c('MA', '摩洛哥', 'africa'), c('NG', '尼日利亚', 'africa'),
  c('ZA', '南非', 'africa'), c('KE', '肯尼亚', 'africa'), c('ET', '埃塞俄比亚', 'africa'), c('AO', '安哥拉', 'africa'),
  c('TZ', '坦桑尼亚', 'africa'), c('ZM', '赞比亚', 'africa'), c('GH', '加纳', 'africa'), c('SD', '苏丹', 'africa'),
  // Oceania
  c('AU', '澳大利亚', 'oceania'), c('NZ', '新西兰', 'oceania'),
];

/** The country codelist built from COUNTRIES. */
export const COUNTRY = codelist({
  id: 'country',
  name: '国家（地区）',
  source: '2018 表4-8; 2021 表4-9, 表4-12',
  total: TOTAL_CODE,
  members: COUNTRIES,
});
