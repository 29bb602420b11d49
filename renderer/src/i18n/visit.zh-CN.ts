// Words for a visit whose ID number a specialist keyed at the kiosk (代办), and
// for an application of the same kind already on file. Kept apart from zh-CN.ts
// so each area's words live with it.
export const visitStrings = {
  keyedPin: {
    title: '请工作人员输入密码',
    why: '帮居民输入身份证号，需要工作人员先输入自己的密码，这次办理记为工作人员代办。',
    whoPrompt: '请选择您的名字',
    cancel: '不输入了',
  },
  banner: (name: string) => `代办：${name} 正在帮居民办理`,
  bannerSpoken: (name: string) => `现在由工作人员${name}代办。`,
  sameKind: {
    title: '这件事您已经办过了',
    lead: (service: string, date: string, status: string) => `您在${date}已经申请过${service}，现在的状态是：${status}。`,
    spoken: (service: string, date: string, status: string, tracking: string) =>
      `这件事您已经办过了。您在${date}已经申请过${service}，现在的状态是：${status}。受理号 ${tracking}。不用再办一次。要回首页，请按返回首页；确实要再办一次，请按继续办理。`,
    tracking: (n: string) => `受理号 ${n}`,
    continue: '继续办理',
    home: '返回首页',
  },
} as const;
