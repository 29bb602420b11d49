// 城乡居民医保: contributions and reimbursement. The yearly amount comes from the
// catalogue so the answer and the payment flow always say the same number.
import { MEDICAL_INSURANCE_PER_PERSON_YUAN as PER_PERSON, MEDICAL_INSURANCE_YEAR as YEAR } from '../../catalogue/services/medical-insurance-payment.js';
import type { PolicyEntryInput } from '../schema.js';

export const medicalEntries: PolicyEntryInput[] = [
  { id: 'medical-amount', topic: 'medical-insurance', service: 'medical-insurance-payment', question: '医保一年交多少钱？', answer: `${YEAR}年城乡居民医保，每人交${PER_PERSON}元。`, keywords: ['多少钱', '交多少', '医保', '一年', '合作医疗'] },
  { id: 'medical-when', topic: 'medical-insurance', service: 'medical-insurance-payment', question: '什么时候交医保？', answer: `每年年底前，交下一年的。${YEAR}年的医保，请在${YEAR - 1}年12月31日前交。过了时间再交，可能有一段时间不能报销。`, keywords: ['什么时候', '截止', '期限', '几月', '交医保'] },
  { id: 'medical-how', topic: 'medical-insurance', service: 'medical-insurance-payment', question: '怎么交医保？', answer: '在这台机器上登记，然后用手机扫二维码交钱，或者到村委会交现金。', keywords: ['怎么交', '扫码', '现金', '交钱', '缴费'] },
  { id: 'medical-family', topic: 'medical-insurance', service: 'medical-insurance-payment', question: '可以给家里人交医保吗？', answer: '可以。选“自己和家人”或者“只给家人”，再说出家人的身份证号码就行。', keywords: ['家里人', '家人', '孩子', '老伴', '帮别人交'] },
  { id: 'medical-subsidy', topic: 'medical-insurance', question: '低保户交医保有补助吗？', answer: '低保户、特困人员等，个人交的钱有补助，有的全免。具体请问村里的专员。', keywords: ['补助', '减免', '免交', '低保户', '困难户'] },
  { id: 'medical-reimburse', topic: 'medical-insurance', question: '交了医保，看病怎么报销？', answer: '在定点医院看病，出院结账的时候直接报销，不用自己再跑。', keywords: ['报销', '看病', '住院', '出院', '定点医院'] },
  { id: 'medical-away', topic: 'medical-insurance', question: '在外地看病能报销吗？', answer: '能。先办好异地就医备案，再去看病。备案可以用手机办，也可以请专员帮忙。', keywords: ['外地', '异地', '备案', '打工', '城里看病'] },
  { id: 'medical-not-arrived', topic: 'medical-insurance', service: 'application-status', question: '医保交了，怎么查到没到账？', answer: '插上身份证，选“办件进度”查一下。过了三天还没到账，请村里的专员帮您查。', keywords: ['到账', '没到账', '交上没有', '查', '成功没有'] },
  { id: 'medical-no-card', topic: 'medical-insurance', question: '为什么机器不收银行卡？', answer: '为了您的钱安全，这台机器不收银行卡和密码。交钱只用手机扫码，或者到村委会交。', keywords: ['银行卡', '密码', '刷卡', '安全', '不收卡'] },
];
