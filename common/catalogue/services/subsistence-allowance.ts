// 最低生活保障申请 (低保): the kiosk collects the household's situation and photos of
// the documents; the village investigates at home and the county decides. The
// questions do not judge: car or house ownership is the county's call, so nothing
// here refuses a resident, it only records.
import type { ServiceDefinitionInput } from '../schema/service.js';
import { idCardDocument, phoneStep } from './shared.js';

export const subsistenceAllowance: ServiceDefinitionInput = {
  id: 'subsistence-allowance',
  names: { full: '最低生活保障申请', short: '低保申请' },
  description: '家里生活困难，可以申请低保。',
  synonyms: ['低保', '低保申请', '最低生活保障', '吃低保', '生活补助', '困难补助'],
  icon: 'subsistence',
  needsLink: false,
  offeredOn: ['kiosk'],
  // 低保 is reviewed once a year: a second one the same year is said before it is started.
  repeatPeriod: 'calendar-year',
  intro: { title: '低保申请', say: '家里生活困难，收入不够吃穿，可以申请低保。我会问您几个问题，再拍几张证件的照片。' },
  documents: [
    idCardDocument,
    { id: 'household-register', name: '户口本', say: '带上户口本，拍首页和每个家里人的那一页。', photo: true },
    { id: 'income-proof', name: '收入证明', say: '有工资条或者村里开的收入证明，也拍一下。没有也可以。', photo: true },
    { id: 'illness-proof', name: '残疾证或病历', say: '家里有残疾或者重病的人，带上残疾证或者病历。', photo: true },
  ],
  steps: [
    {
      id: 'household-size',
      kind: 'question',
      prompt: { title: '家里几口人', say: '您家户口本上，一共几口人？' },
      field: { id: 'householdSize', kind: 'count', label: '家庭人口', min: 1, max: 12, unit: '口人' },
    },
    {
      id: 'monthly-income',
      kind: 'question',
      prompt: { title: '一个月收入', say: '全家一个月，一共能收入多少钱？种地、打工、养老金都算上。说个大概就行。' },
      field: { id: 'monthlyIncome', kind: 'amount', label: '家庭月收入', maxYuan: 100000 },
    },
    {
      id: 'illness',
      kind: 'question',
      prompt: { title: '有没有病残', say: '家里有没有残疾，或者得重病的人？有就说“是”，没有就说“不是”。' },
      field: { id: 'hasIllnessOrDisability', kind: 'yes-no', label: '有病残家人' },
    },
    {
      id: 'illness-photo',
      kind: 'question',
      when: { field: 'hasIllnessOrDisability', is: [true] },
      prompt: { title: '拍残疾证或病历', say: '请把残疾证或者病历，放到摄像头下面。放好了，就说“拍照”，或者按拍照。' },
      field: { id: 'illnessPhoto', kind: 'photo', label: '残疾证或病历', subject: 'illness-proof' },
    },
    {
      id: 'household-photo',
      kind: 'question',
      prompt: { title: '拍户口本', say: '请把户口本的首页，放到摄像头下面。放好了，就说“拍照”，或者按拍照。' },
      field: { id: 'householdPhoto', kind: 'photo', label: '户口本照片', subject: 'household-register' },
    },
    {
      id: 'income-photo',
      kind: 'question',
      prompt: { title: '拍收入证明', say: '有收入证明吗？有就放到摄像头下面，说“拍照”，或者按拍照。没有就说“跳过”。' },
      field: { id: 'incomePhoto', kind: 'photo', label: '收入证明', subject: 'income-proof', optional: true },
    },
    phoneStep,
  ],
  action: {
    kind: 'submit',
    queuedSay: '已保存，网络恢复后自动提交。',
    acceptedSay: '申请已提交，回执号是{receipt}。',
    nextSteps: '村里会上门了解情况，再公示七天，然后报乡镇和县里审批。一般一个月左右有结果。',
  },
};
