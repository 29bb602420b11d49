// 养老资格认证: once a year a pensioner confirms they are alive so the pension
// keeps being paid. A face check with a liveness challenge (blink, turn the head,
// open the mouth; renderer/src/face/) takes the photo, at the kiosk for oneself or
// for a family member who is present, on the TV at home with a USB camera for
// oneself. A family member who cannot come gets a home visit. Without a camera,
// or after three failed checks, the face step is skipped (its field is optional)
// and the specialist confirms by phone or visit, as before the check existed.
import type { ServiceDefinitionInput } from '../schema/service.js';
import { idCardDocument, phoneStep, relationshipOptions } from './shared.js';

export const pensionCertification: ServiceDefinitionInput = {
  id: 'pension-certification',
  names: { full: '养老资格认证', short: '养老资格认证' },
  description: '每年认证一次，认证后养老金照常发放。',
  synonyms: ['养老认证', '资格认证', '认证', '生存认证', '年审', '养老金认证', '领养老金'],
  icon: 'pension',
  needsLink: false,
  offeredOn: ['kiosk', 'tv'],
  // 养老资格认证 is once a year: a second one the same year is said before it is started.
  repeatPeriod: 'calendar-year',
  intro: { title: '养老资格认证', say: '养老资格认证，每年做一次。认证以后，养老金照常发放。' },
  documents: [idCardDocument],
  steps: [
    {
      id: 'for-whom',
      kind: 'question',
      prompt: { title: '给谁认证', say: '您是给自己认证，还是给家里人认证？' },
      field: {
        id: 'forWhom',
        kind: 'choice',
        label: '给谁认证',
        options: [
          { value: 'self', label: '给自己', voice: ['自己', '我自己', '本人'] },
          { value: 'family', label: '给家人', voice: ['家人', '家里人', '给家里人', '老伴', '父亲', '母亲', '爸爸', '妈妈'], offeredOn: ['kiosk'] },
        ],
      },
    },
    {
      id: 'relationship',
      kind: 'question',
      when: { field: 'forWhom', is: ['family'] },
      prompt: { title: '是您的什么人', say: '要认证的人，是您的什么人？' },
      field: { id: 'relationship', kind: 'relationship', label: '关系', options: relationshipOptions },
    },
    {
      // The family member's name and number come from their own card: nobody types Chinese at
      // the kiosk. The resident's own card may be taken away for it without ending the visit.
      id: 'member-card',
      kind: 'question',
      when: { field: 'forWhom', is: ['family'] },
      prompt: {
        title: '家人的身份证',
        say: '请把家人的身份证放上来。先拿走您自己的身份证，再把家人的身份证平放在读卡器上。读好了，把它拿走就行。',
      },
      field: { id: 'member', kind: 'family-card', label: '家人' },
    },
    {
      id: 'member-present',
      kind: 'question',
      when: { field: 'forWhom', is: ['family'] },
      prompt: { title: '家人在身边吗', say: '您的家人现在在这里吗？在就说“是”，不在就说“不是”。' },
      field: { id: 'memberPresent', kind: 'yes-no', label: '家人在场' },
    },
    {
      id: 'self-face',
      kind: 'question',
      when: { field: 'forWhom', is: ['self'] },
      prompt: { title: '刷脸认证', say: '请看着摄像头，不要戴帽子。照屏幕上说的做，眨眨眼，或者转转头。' },
      field: { id: 'facePhoto', kind: 'photo', label: '本人照片', subject: 'face', optional: true },
    },
    {
      id: 'member-face',
      kind: 'question',
      when: { field: 'memberPresent', is: [true] },
      prompt: { title: '给家人刷脸认证', say: '请您的家人看着摄像头，不要戴帽子。照屏幕上说的做，眨眨眼，或者转转头。' },
      field: { id: 'memberFacePhoto', kind: 'photo', label: '家人照片', subject: 'face', optional: true },
    },
    {
      id: 'home-visit',
      kind: 'info',
      when: { field: 'memberPresent', is: [false] },
      prompt: { title: '上门认证', say: '家人来不了没关系。村里的专员会上门，给您的家人认证。' },
    },
    phoneStep,
  ],
  action: {
    kind: 'submit',
    queuedSay: '已保存，网络恢复后自动提交。',
    acceptedSay: '认证已提交，回执号是{receipt}。',
    nextSteps: '认证结果三天内出来。养老金照常发放，不用再跑。',
  },
};
