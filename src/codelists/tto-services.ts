/**
 * Technology-transfer-service codelist (dimension `tto_service`): the activities of 国家技术转移机构
 * the 2021 edition's 表5-10 counts, each printed with its unit ("组织技术交易活动/项次"). The
 * activities are not parts of one whole: no total.
 */
import { codelist, m } from './codelist.ts';

/** The technology-transfer-service codelist. */
export const TTO_SERVICE = codelist({
  id: 'tto_service',
  name: '国家技术转移机构服务',
  source: '2021 表5-10',
  total: null,
  members: [
    m('trading_events', '组织技术交易活动'),
    m('training', '组织技术转移培训'),
    m('enterprises_served', '服务企业数量'),
    m('needs_solved', '解决企业需求'),
    m('patents_granted', '获得专利授权'),
  ],
});
