/**
 * Regional groupings (region members of level 'grouping'), as printed in 表4-1 of the 2018 and
 * 2021 editions ("东部地区", "京津冀地区", "长江经济带地区", "粤港澳大湾区", "境外地区",
 * "“一带一路”地区") and in the titles of 表3-3/3-4 and 表4-2…4-14, with the regions (or, for
 * “一带一路”, the countries) each is made of.
 *
 * - 东部/中部/西部/东北: the National Bureau of Statistics division of the 31 provinces.
 * - 京津冀 3, 长江经济带 11, 长三角 4 (沪苏浙皖), 环渤海 5 (京津冀 + 辽宁, 山东), 珠三角 9 cities,
 *   粤港澳大湾区 = the 9 珠三角 cities + 香港 + 澳门 (the 2021 edition's 表4-8 lists them).
 * - 境外地区: outside the mainland = 国外 + 港澳台. The 2018 edition's 表4-8 counts 港澳台 in it;
 *   the 2021 edition's 表4-1 prints the 国外 figure under this label (its own 表4-10 again
 *   includes 港澳台): that is a finding for the checks, not a different member.
 * - “一带一路”地区: the countries along the routes (沿线国家) as listed since 2015: East Asia 1,
 *   ASEAN 10, West Asia 18, South Asia 8, Central Asia 5, CIS 7, Central and Eastern Europe 16.
 * - 计划单列市 (5) and 副省级城市 as the reports use it: the 10 副省级 provincial capitals of
 *   表3-4 (the five 副省级 计划单列市 are in 表3-3).
 */
import { m } from './codelist.ts';
import type { Region } from './regions.ts';

const G = (code: string, label: string, includes: string[], ...aliases: string[]): Region => ({ ...m(code, label, null, ...aliases), level: 'grouping', includes });

const BRI_COUNTRIES = [
  'MN',
  'SG', 'MY', 'ID', 'MM', 'TH', 'LA', 'KH', 'VN', 'BN', 'PH',
  'IR', 'IQ', 'TR', 'SY', 'JO', 'LB', 'IL', 'PS', 'SA', 'YE', 'OM', 'AE', 'QA', 'KW', 'BH', 'GR', 'CY', 'EG',
  'IN', 'PK', 'BD', 'AF', 'LK', 'MV', 'NP', 'BT',
  'KZ', 'UZ', 'TM', 'KG', 'TJ',
  'RU', 'UA', 'BY', 'GE', 'AZ', 'AM', 'MD',
  'PL', 'LT', 'EE', 'LV', 'CZ', 'SK', 'HU', 'SI', 'HR', 'BA', 'ME', 'RS', 'AL', 'RO', 'BG', 'MK',
];

const PRD_CITIES = ['440100', '440300', '440400', '440600', '440700', '441200', '441300', '441900', '442000'];

/** The grouping members of the region codelist. */
export const GROUPINGS: Region[] = [
  G('EAST', '东部地区', ['110000', '120000', '130000', '310000', '320000', '330000', '350000', '370000', '440000', '460000'], '东部'),
  G('CENTRAL', '中部地区', ['140000', '340000', '360000', '410000', '420000', '430000'], '中部'),
  G('WEST', '西部地区', ['150000', '450000', '500000', '510000', '520000', '530000', '540000', '610000', '620000', '630000', '640000', '650000'], '西部'),
  G('NORTHEAST', '东北地区', ['210000', '220000', '230000'], '东北'),
  G('JJJ', '京津冀', ['110000', '120000', '130000'], '京津冀地区'),
  G('YREB', '长江经济带', ['310000', '320000', '330000', '340000', '360000', '420000', '430000', '500000', '510000', '520000', '530000'], '长江经济带地区'),
  G('YRD', '长三角', ['310000', '320000', '330000', '340000'], '长三角地区', '长江三角洲', '长江三角洲地区'),
  G('BOHAI', '环渤海', ['110000', '120000', '130000', '210000', '370000'], '环渤海地区'),
  G('PRD', '珠三角', PRD_CITIES, '珠三角地区', '珠江三角洲', '珠江三角洲地区'),
  G('GBA', '粤港澳大湾区', [...PRD_CITIES, '810000', '820000'], '粤港澳大湾区地区'),
  G('ABROAD', '境外地区', ['FOREIGN', 'HMT'], '境外'),
  G('BRI', '“一带一路”地区', BRI_COUNTRIES, '"一带一路"地区', '一带一路地区', '“一带一路”沿线国家', '一带一路'),
  G('SEP_PLANNED', '计划单列市', ['210200', '330200', '350200', '370200', '440300']),
  G('SUB_PROVINCIAL', '副省级城市', ['210100', '220100', '230100', '320100', '330100', '370100', '420100', '440100', '510100', '610100']),
];
