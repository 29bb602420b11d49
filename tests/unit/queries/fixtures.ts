// A demo resident's record, as the reference server answers for the sample card 张秀英.
import type { SocialInsuranceRecord } from '../../../common/domain/application.js';

export const record: SocialInsuranceRecord = {
  idNumberMasked: '110101********0028',
  name: '张秀英',
  insuranceType: '城乡居民基本养老保险',
  status: '正常领取待遇',
  startDate: '2011-07-01',
  monthsPaid: 180,
  pensionMonthlyYuan: 236.5,
  payments: [2021, 2022, 2023, 2024, 2025, 2026].map((y) => ({ year: y, amountYuan: 300, paidAt: `${y}-03-15` })),
  agency: '北京市东城区社会保险事业管理中心',
};
