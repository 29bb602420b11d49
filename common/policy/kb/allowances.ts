// 高龄津贴 and 低保. Amounts differ by county, so the answers say so instead of
// quoting a number that would be wrong somewhere.
import { ELDERLY_ALLOWANCE_MIN_AGE as MIN_AGE } from '../../catalogue/services/elderly-allowance.js';
import type { PolicyEntryInput } from '../schema.js';

export const allowanceEntries: PolicyEntryInput[] = [
  { id: 'elderly-what', topic: 'elderly-allowance', service: 'elderly-allowance', question: '高龄津贴是什么？', answer: `给${MIN_AGE}岁以上老人的补贴，每个月发，自己不用交钱。`, keywords: ['高龄津贴', '高龄补贴', '老人补贴', '是什么'] },
  { id: 'elderly-age', topic: 'elderly-allowance', service: 'elderly-allowance', question: '多大年纪能领高龄津贴？', answer: `满${MIN_AGE}周岁就能申请。年龄按身份证上的出生日期算。`, keywords: ['多大', '年纪', '几岁', '八十岁', '年龄'] },
  { id: 'elderly-amount', topic: 'elderly-allowance', question: '高龄津贴一个月多少钱？', answer: '每个地方不一样，一般年纪越大，给得越多。具体多少，请问村里的专员。', keywords: ['多少钱', '一个月', '标准', '给多少'] },
  { id: 'elderly-documents', topic: 'elderly-allowance', service: 'elderly-allowance', question: '申请高龄津贴要带什么？', answer: '带身份证和户口本就行。在这台机器上拍一下户口本上您那一页。', keywords: ['带什么', '材料', '户口本', '证件'] },
  { id: 'elderly-paid', topic: 'elderly-allowance', question: '高龄津贴什么时候发？', answer: '批下来以后，每个月打到您的社保卡或者银行卡上。', keywords: ['什么时候发', '到账', '打到哪', '发钱'] },
  { id: 'elderly-early', topic: 'elderly-allowance', question: '快满八十岁了，能提前申请吗？', answer: `要等满${MIN_AGE}周岁再来申请。您插上身份证，机器会告诉您哪个月满。`, keywords: ['提前', '快满', '还差', '没满'] },
  { id: 'dibao-who', topic: 'subsistence-allowance', service: 'subsistence-allowance', question: '什么人可以申请低保？', answer: '家里每人每月的收入，低于当地低保标准，生活困难的，都可以申请。', keywords: ['低保', '什么人', '条件', '谁能', '申请低保'] },
  { id: 'dibao-documents', topic: 'subsistence-allowance', service: 'subsistence-allowance', question: '申请低保要带什么材料？', answer: '带身份证和户口本。有收入证明、残疾证或者病历的，也一起带上。', keywords: ['材料', '带什么', '证件', '户口本', '残疾证'] },
  { id: 'dibao-how-long', topic: 'subsistence-allowance', service: 'application-status', question: '低保申请多久有结果？', answer: '村里会上门了解情况，公示七天，再报乡镇和县里审批。一般一个月左右有结果。', keywords: ['多久', '结果', '审批', '公示', '几天'] },
  { id: 'dibao-car-house', topic: 'subsistence-allowance', question: '家里有车有房，能吃低保吗？', answer: '要看具体情况，由县里审核决定。您照实说就行，不要隐瞒。', keywords: ['车', '房子', '汽车', '楼房', '能不能'] },
  { id: 'dibao-amount', topic: 'subsistence-allowance', question: '低保每个月给多少钱？', answer: '按家里的收入和当地的标准算，差多少补多少。', keywords: ['多少钱', '给多少', '标准', '一个月'] },
  { id: 'dibao-benefits', topic: 'subsistence-allowance', question: '低保户还有什么照顾？', answer: '看病报销得更多，交医保有补助，孩子上学也有资助。', keywords: ['照顾', '优惠', '好处', '补助', '待遇'] },
];
