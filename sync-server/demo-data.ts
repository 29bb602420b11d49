// Demo residents the reference server knows, so social-insurance queries and
// 参保证明 printing return realistic data in development and tests. The ID
// numbers carry valid GB 11643 check digits; the people, and their phones on
// file (where a TV's one-time code is texted, identity-codes.ts), are invented.
import type { SocialInsuranceRecord } from '../common/domain/application.js';
import { maskIdNumber } from '../common/domain/application.js';
import type { ServerStorage } from './storage/storage.js';
import { phoneAd, residentAd, type Vault } from './vault.js';

interface DemoResident {
  idNumber: string;
  name: string;
  startDate: string;
  monthsPaid: number;
  pension: number | null;
  agency: string;
  yearlyContribution: number;
  /** The phone on file: sealed at rest like the record, never shown whole. */
  phone: string;
}

export const demoResidents: readonly DemoResident[] = [
  { idNumber: '110101194303050028', name: '张秀英', startDate: '2011-07-01', monthsPaid: 180, pension: 236.5, agency: '北京市东城区社会保险事业管理中心', yearlyContribution: 300, phone: '13812345678' },
  { idNumber: '130624193808120037', name: '李德福', startDate: '2010-01-01', monthsPaid: 180, pension: 198.0, agency: '阜平县社会保险事业服务中心', yearlyContribution: 200, phone: '13933120537' },
  { idNumber: '13062419361118108X', name: '张桂兰', startDate: '2010-01-01', monthsPaid: 180, pension: 203.0, agency: '阜平县社会保险事业服务中心', yearlyContribution: 200, phone: '13933121086' },
  { idNumber: '130624194501170042', name: '刘淑珍', startDate: '2010-01-01', monthsPaid: 168, pension: 176.0, agency: '阜平县社会保险事业服务中心', yearlyContribution: 200, phone: '15103120042' },
  { idNumber: '411527195006240054', name: '陈建国', startDate: '2012-03-01', monthsPaid: 150, pension: 152.0, agency: '淮滨县社会保险中心', yearlyContribution: 300, phone: '13837650054' },
  { idNumber: '511321194709090064', name: '杨玉兰', startDate: '2011-01-01', monthsPaid: 160, pension: 171.0, agency: '南部县社会保险事务中心', yearlyContribution: 200, phone: '18781720064' },
  { idNumber: '620522194103020071', name: '赵福贵', startDate: '2012-01-01', monthsPaid: 150, pension: 168.5, agency: '秦安县社会保险服务中心', yearlyContribution: 200, phone: '13993820071' },
  // Not yet drawing a pension: still paying in.
  { idNumber: '430521195211300081', name: '周红梅', startDate: '2013-01-01', monthsPaid: 118, pension: null, agency: '邵东市社会保险服务中心', yearlyContribution: 500, phone: '15173950081' },
];

export function demoRecord(r: DemoResident): SocialInsuranceRecord {
  const firstYear = Number(r.startDate.slice(0, 4));
  const payments = [];
  for (let y = Math.max(firstYear, 2021); y <= 2026; y++) payments.push({ year: y, amountYuan: r.yearlyContribution, paidAt: `${y}-03-15` });
  return {
    idNumberMasked: maskIdNumber(r.idNumber),
    name: r.name,
    insuranceType: '城乡居民基本养老保险',
    status: r.pension === null ? '参保缴费' : '正常领取待遇',
    startDate: r.startDate,
    monthsPaid: r.monthsPaid,
    pensionMonthlyYuan: r.pension,
    payments,
    agency: r.agency,
  };
}

/** Records and phones are sealed like any resident's: found by a keyed hash of the ID number. */
export async function seedDemoResidents(storage: ServerStorage, vault: Vault, asOf: string): Promise<void> {
  const keyed = demoResidents.map((r) => ({ r, idKey: vault.residentKey(r.idNumber) }));
  await storage.seedResidents(
    keyed.map(({ r, idKey }) => ({ idKey, seal: () => vault.seal(JSON.stringify(demoRecord(r)), residentAd(idKey)) })),
    asOf,
  );
  await storage.seedResidentPhones(keyed.map(({ r, idKey }) => ({ idKey, seal: () => vault.seal(r.phone, phoneAd(idKey)) })));
}
