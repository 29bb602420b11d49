// Every user-facing string of the renderer, in one catalogue (areas keep their
// sections in files beside this one, merged here). Plain words an
// 80-year-old understands; no jargon, no English. Service names and step
// prompts come from the service catalogue (data), not from here.
import { specialistStrings } from './specialist.zh-CN.js';
import { queryStrings } from './queries.zh-CN.js';

export const zhCN = {
  specialist: specialistStrings,
  queries: queryStrings,
  appName: '乡音便民服务',
  nav: {
    back: '返回',
    home: '首页',
    readAloud: '朗读',
    stopReading: '停止朗读',
    primaryNav: '页面操作',
    specialist: '工作人员',
  },
  textSize: {
    label: '字号',
    standard: '标准',
    large: '大',
    xlarge: '特大',
    changed: (name: string) => `字号已改为${name}`,
  },
  home: {
    title: '您要办什么事？',
    hint: '请按下面的大按钮，或者直接说出要办的事。',
    servicesLabel: '服务项目',
    needsLink: '需要联网',
    unavailableHere: '本机不提供',
  },
  service: {
    start: '开始办理',
    preparing: '这项服务的办理步骤正在更新，请找工作人员帮忙办理。',
  },
  step: (current: number, total: number) => `第 ${current} 步，共 ${total} 步`,
  status: {
    label: '服务站状态',
    online: '网络正常',
    offline: '网络暂时断开，您办的事会先保存在本机，网络恢复后自动提交',
    syncing: '正在提交资料',
    pending: (n: number) => (n > 0 ? `还有 ${n} 件等待提交` : '全部已提交'),
    storeError: '本机存储出错，请找工作人员',
    deviceProblem: (names: string) => `${names}有问题，请找工作人员`,
    deviceNames: { idcard: '读卡器', printer: '打印机', remote: '遥控器' } as Record<string, string>,
    connecting: '正在连接本机服务…',
  },
  inactivity: {
    title: '您还在吗？',
    message: (s: number) => `${s} 秒后将清除您的信息并回到首页。`,
    spoken: (s: number) => `您还在吗？${s}秒后将清除您的信息并回到首页。还要接着办，请按继续。`,
    continue: '继续',
    cleared: '您的信息已清除。',
  },
  common: {
    yes: '是，没错',
    noFix: '不是，重新输入',
    confirm: '确定',
    next: '下一步',
    skip: '跳过',
    start: '开始办理',
    done: '办完了',
    print: '打印',
    printAgain: '再打印一次',
  },
  identity: {
    insertCard: '请把您的身份证放在读卡器上。',
    readFailed: '没有读出来。请把身份证拿起来，再平放一次。',
    invalidCard: '这张身份证的号码核对不上，请找工作人员帮忙。',
    askSpecialist: '读不出来也没关系，工作人员可以帮您输入身份证号。',
    specialistKeys: '工作人员帮我输入',
    specialistPrompt: '请工作人员输入居民的18位身份证号。',
    tvPrompt: '请用遥控器输入您的18位身份证号。',
    keyPrompt: '身份证号',
    keypadLabel: '数字键盘',
    digitsCount: (n: number) => `已输入 ${n} 位，共 18 位`,
    confirmNumber: '请核对身份证号：',
    readBack: (spoken: string) => `您输入的身份证号是：${spoken}。对吗？`,
    greeting: (name: string) => `${name}，您好！`,
    greetingKeyed: '您好！',
    idLine: (masked: string) => `身份证号 ${masked}`,
  },
  errors: {
    generic: '出了点问题，请再试一次，或找工作人员帮忙。',
    noToken: '无法连接本机服务。请工作人员重新启动本机。',
    speechUnavailable: '本机暂时不能朗读。',
  },
} as const;

export type Strings = typeof zhCN;
export const t = zhCN;
