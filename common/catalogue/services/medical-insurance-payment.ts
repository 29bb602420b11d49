// 城乡居民医保缴费: the yearly contribution, for oneself and family members. The
// amount per person is data (it changes every year). The kiosk only registers who
// is paid for; the money moves by QR code on the resident's phone (a payment URL
// from the station's `links.payment`) or in cash at the village office, never by
// card data typed at the kiosk.
import type { ServiceDefinitionInput } from '../schema/service.js';
import { idCardDocument, relationshipOptions } from './shared.js';

export const MEDICAL_INSURANCE_YEAR = 2027;
export const MEDICAL_INSURANCE_PER_PERSON_YUAN = 400;

export const medicalInsurancePayment: ServiceDefinitionInput = {
  id: 'medical-insurance-payment',
  names: { full: '城乡居民医保缴费', short: '医保缴费' },
  description: '城乡居民医保，为自己或家人缴费。',
  synonyms: ['医保缴费', '交医保', '缴医保', '合作医疗', '农合', '新农合', '医疗保险', '交合作医疗'],
  icon: 'medical',
  needsLink: false,
  offeredOn: ['kiosk', 'tv'],
  // 医保 is paid for a year at a time: a second one the same year is said before it is started.
  repeatPeriod: 'calendar-year',
  intro: {
    title: '医保缴费',
    say: `城乡居民医保，一年交一次。${MEDICAL_INSURANCE_YEAR}年每人${MEDICAL_INSURANCE_PER_PERSON_YUAN}元。可以给自己交，也可以给家里人交。`,
  },
  documents: [idCardDocument],
  fee: {
    year: MEDICAL_INSURANCE_YEAR,
    perPersonYuan: MEDICAL_INSURANCE_PER_PERSON_YUAN,
    selfWhen: { field: 'payFor', is: ['self', 'self-and-family'] },
    membersOf: 'members',
  },
  steps: [
    {
      id: 'pay-for',
      kind: 'question',
      prompt: { title: '给谁交', say: '给谁交医保？可以只给自己，自己和家人一起，或者只给家人。' },
      field: {
        id: 'payFor',
        kind: 'choice',
        label: '给谁交',
        options: [
          { value: 'self', label: '只给自己', voice: ['自己', '我自己', '本人', '就我'] },
          { value: 'self-and-family', label: '自己和家人', voice: ['一起', '全家', '都交', '我和', '和家人', '一家人', '连我'] },
          { value: 'family', label: '只给家人', voice: ['家人', '家里人', '给家里人', '老伴', '孩子'] },
        ],
      },
    },
    {
      id: 'member-count',
      kind: 'question',
      when: { field: 'payFor', is: ['self-and-family', 'family'] },
      prompt: { title: '几位家人', say: '给几位家人交？不算您自己。' },
      field: { id: 'memberCount', kind: 'count', label: '家人人数', min: 1, max: 9, unit: '位' },
    },
    {
      id: 'member-relationship',
      kind: 'question',
      repeat: { group: 'members', countField: 'memberCount' },
      prompt: { title: '{who}是谁', say: '{who}，是您的什么人？' },
      field: { id: 'relationship', kind: 'relationship', label: '关系', options: relationshipOptions },
    },
    {
      id: 'member-id',
      kind: 'question',
      repeat: { group: 'members', countField: 'memberCount' },
      prompt: { title: '{who}的身份证号', say: '请说出{who}的身份证号码。一个数字一个数字地说，也可以按键盘。' },
      field: { id: 'idNumber', kind: 'id-number', label: '身份证号' },
    },
    {
      id: 'pay-method',
      kind: 'question',
      prompt: { title: '怎么交钱', say: '钱怎么交？可以用手机扫二维码，也可以到村委会交现金。' },
      field: {
        id: 'payMethod',
        kind: 'choice',
        label: '交钱方式',
        options: [
          { value: 'qr-phone', label: '手机扫码', voice: ['扫码', '手机', '微信', '支付宝', '二维码', '手机交'] },
          { value: 'village-office', label: '到村委会交', voice: ['村委会', '现金', '村里', '村部', '交现金'] },
        ],
      },
    },
  ],
  action: {
    kind: 'submit',
    // How to pay (amount, deadline, QR code or cash at the village office) follows
    // from the answer to 怎么交钱: common/flow/payment.ts says it after these words.
    queuedSay: '已保存，网络恢复后自动提交。',
    acceptedSay: '已登记，回执号是{receipt}。',
    nextSteps: `交了以后，${MEDICAL_INSURANCE_YEAR}年看病就能报销。`,
  },
};
