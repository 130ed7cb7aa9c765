/**
 * Contract-type codelist (dimension `contract_type`, 合同类别): 技术开发, 技术转让, 技术咨询,
 * 技术服务 with the subtypes of 附表10 (2018/2021 editions) and 图2-2/2-3 (2018 edition).
 * Serves 表1/表2 (2006), 附表2, 附表4 (合同类别 section), 附表8, 附表10, 表4-11, 表4-14.
 */
import { codelist, m, TOTAL_CODE } from './codelist.ts';

/** The contract-type codelist. */
export const CONTRACT_TYPE = codelist({
  id: 'contract_type',
  name: '合同类别',
  source: '2006 表1, 表2; 2018/2021 附表2, 附表4, 附表8, 附表10, 表4-11, 表4-14, 图2-1…2-3',
  total: TOTAL_CODE,
  members: [
    m(TOTAL_CODE, '合计', null, '总计'),
    m('dev', '技术开发', null, '技术开发合同'),
    m('dev.commissioned', '委托开发', 'dev'),
    m('dev.cooperative', '合作开发', 'dev'),
    m('transfer', '技术转让', null, '技术转让合同'),
    m('transfer.secret', '技术秘密转让', 'transfer'),
    m('transfer.patent_license', '专利实施许可转让', 'transfer', '专利实施许可'),
    m('transfer.patent', '专利权转让', 'transfer'),
    m('transfer.patent_application', '专利申请权转让', 'transfer'),
    m('transfer.software', '计算机软件著作权转让', 'transfer'),
    m('transfer.ic_layout', '集成电路布图设计专有权转让', 'transfer'),
    m('transfer.plant_variety', '植物新品种权转让', 'transfer'),
    m('transfer.biomed_variety', '生物、医药新品种权转让', 'transfer'),
    m('transfer.design', '设计著作权转让', 'transfer'),
    m('transfer.other', '其他', 'transfer', '其它'),
    m('consult', '技术咨询', null, '技术咨询合同'),
    m('service', '技术服务', null, '技术服务合同'),
    m('service.general', '一般性技术服务', 'service'),
    m('service.intermediary', '技术中介', 'service'),
    m('service.training', '技术培训', 'service'),
  ],
});
