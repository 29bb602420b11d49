// 高龄津贴申请: a monthly allowance for residents aged 80 and over. The age comes
// from the ID card's birth date; the threshold is catalogue data because counties
// set it (some pay from 70 or 90), so changing it is a sync, not a release.
import type { ServiceDefinitionInput } from '../schema/service.js';
import { idCardDocument, phoneStep } from './shared.js';

export const ELDERLY_ALLOWANCE_MIN_AGE = 80;

export const elderlyAllowance: ServiceDefinitionInput = {
  id: 'elderly-allowance',
  names: { full: '高龄津贴申请', short: '高龄津贴' },
  description: '八十岁以上老人可以申请。',
  synonyms: ['高龄津贴', '高龄补贴', '老年补贴', '长寿补贴', '高龄补助', '老人补贴', '八十岁补贴'],
  icon: 'allowance',
  needsLink: false,
  offeredOn: ['kiosk'],
  // an allowance is applied for once a year: a second one the same year is said before it is started.
  repeatPeriod: 'calendar-year',
  intro: { title: '高龄津贴申请', say: '高龄津贴，是给八十岁以上老人的补贴，每个月发。' },
  eligibility: [
    {
      kind: 'min-age',
      years: ELDERLY_ALLOWANCE_MIN_AGE,
      explain: '您今年{age}岁。高龄津贴是给{years}岁以上老人的。到{date}，您就满{years}岁了。到时候再来申请。',
    },
    {
      kind: 'answer-not',
      field: 'alreadyReceiving',
      values: [true],
      explain: '您已经在领高龄津贴了，不用再申请。钱每个月会打到您的卡上。',
    },
  ],
  documents: [idCardDocument, { id: 'household-register', name: '户口本', say: '带上户口本，翻到您自己那一页。', photo: true }],
  steps: [
    {
      id: 'already',
      kind: 'question',
      prompt: { title: '已经在领吗', say: '您现在已经在领高龄津贴了吗？领了就说“是”，没领就说“不是”。' },
      field: { id: 'alreadyReceiving', kind: 'yes-no', label: '已在领取' },
    },
    {
      id: 'household-photo',
      kind: 'question',
      prompt: { title: '拍户口本', say: '请把户口本上您的那一页，放到摄像头下面。放好了，就说“拍照”，或者按拍照。' },
      field: { id: 'householdPhoto', kind: 'photo', label: '户口本照片', subject: 'household-register' },
    },
    {
      id: 'payout',
      kind: 'question',
      prompt: { title: '钱打到哪里', say: '津贴打到哪张卡上？可以打到社保卡，也可以打到别的银行卡。' },
      field: {
        id: 'payout',
        kind: 'choice',
        label: '收款方式',
        options: [
          { value: 'social-security-card', label: '社保卡', voice: ['社保卡', '打到社保卡', '医保卡'] },
          { value: 'bank-account', label: '别的银行卡', voice: ['银行卡', '别的卡', '存折', '其他卡'] },
        ],
      },
    },
    {
      id: 'bank-account',
      kind: 'question',
      when: { field: 'payout', is: ['bank-account'] },
      prompt: { title: '银行卡号', say: '请说出银行卡号，一个数字一个数字地说。也可以按键盘。' },
      field: { id: 'bankAccount', kind: 'bank-account', label: '银行卡号' },
    },
    phoneStep,
  ],
  action: {
    kind: 'submit',
    queuedSay: '已保存，网络恢复后自动提交。',
    acceptedSay: '申请已提交，回执号是{receipt}。',
    nextSteps: '村里审核后报乡镇，一般一个月内有结果。批下来后，钱每月打到您的卡上。',
  },
};
