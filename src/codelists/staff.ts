/**
 * Staff codelist (dimension `staff`, 人员构成): the staff of 技术贸易机构 in the 2006 edition's
 * 表10 (从业人员, and 科技人员 by title grade) and of 国家技术转移机构 in the 2021 edition's 图5-5
 * (技术经纪人资格, 大学本科及以上, 中级职称及以上). 从业人员 (all staff) is the total.
 */
import { codelist, m } from './codelist.ts';

/** The staff codelist. */
export const STAFF = codelist({
  id: 'staff',
  name: '人员构成',
  source: '2006 表10; 2021 图5-5',
  total: 'employees',
  members: [
    m('employees', '从业人员'),
    m('sci', '科技人员', 'employees'),
    m('sci.senior', '高级职称', 'sci'),
    m('sci.intermediate', '中级职称', 'sci'),
    m('sci.junior', '初级职称', 'sci'),
    m('sci.other', '其它', 'sci', '其他'),
    m('broker', '技术经纪人资格', 'employees'),
    m('bachelor_plus', '大学本科及以上', 'employees'),
    m('intermediate_plus', '中级职称及以上', 'employees'),
  ],
});
