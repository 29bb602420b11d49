// Every user-facing string of the renderer, in one catalogue (areas keep their
// sections in files beside this one, merged here). Plain words an
// 80-year-old understands; no jargon, no English. Service names and step
// prompts come from the service catalogue (data), not from here.
import { specialistStrings } from './specialist.zh-CN.js';
import { queryStrings } from './queries.zh-CN.js';
import { helpStrings } from './help.zh-CN.js';
import { NUMBER_LABELS } from '../../../common/domain/number-labels.js';
import { joinSentences } from '../../../common/text/sentences.js';

/** Said and shown after two voice misses at a kiosk when the specialist is on the way. */
const helpComing = '没关系，您可以直接按屏幕上的大按钮。我正在呼叫工作人员。';

export const zhCN = {
  specialist: specialistStrings,
  queries: queryStrings,
  help: helpStrings,
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
    welcome: '您好！',
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
    // The desk's footer (StatusBar desk): the specialist knows what it means.
    offlineShort: '网络断开',
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
    /**
     * `byVoice`: this station listens during the warning (session/useContinueByVoice.ts). What to do comes
     * first; 我要继续 is asked for because it is heard far more surely than a bare 继续 (which also counts).
     */
    spoken: (s: number, byVoice: boolean) =>
      `您还在吗？还要接着办，${byVoice ? '就说“我要继续”，或者按“继续”' : '请按“继续”'}。${s}秒后，将清除您的信息并回到首页。`,
    continue: '继续',
    /** Also taken as 继续 when said to the warning. */
    continueSaid: ['我要继续', '我还在', '还要办'],
    /** Shown in the warning while the kiosk listens. */
    listening: '正在听，请说“我要继续”',
    /** Said when a visit ends (the countdown ran out, or the card was taken away). */
    cleared: '您的信息已清除。',
    /** Said after 已清除 when the card is still on the reader. */
    takeCard: '请取走身份证。',
  },
  common: {
    yes: '是，没错',
    noFix: '不是，重新输入',
    clearAll: '全部清除',
    confirm: '确定',
    next: '下一步',
    skip: '跳过',
    start: '开始办理',
    done: '办完了',
    print: '打印',
    printAgain: '再打印一次',
  },
  pager: {
    prev: '上一页',
    next: '下一页',
    /** Which lines of how many are on screen: 第 1 到 4 条，共 9 条. */
    where: (from: number, to: number, total: number) => (from === to ? `第 ${from} 条，共 ${total} 条` : `第 ${from} 到 ${to} 条，共 ${total} 条`),
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
    /** On a TV, the keyed number is checked by a one-time code texted to the phone on file. */
    code: {
      heading: '短信验证码',
      sending: '正在给您登记的手机发验证码…',
      sent: (phoneMasked: string) => `验证码已经发到 ${phoneMasked} 的手机上，请输入6位数字。`,
      /** Spoken: the masked phone said as its last four digits (asterisks are not words). */
      sentSpoken: (last4: string) => `验证码已经发到尾号是${last4}的手机上，请输入6位数字。`,
      validFor: '验证码5分钟内有效，如果没有收到，1分钟后可以重新发送。',
      keyPrompt: '验证码',
      keypadLabel: '验证码数字键盘',
      digitsCount: (n: number) => `已输入 ${n} 位，共 6 位`,
      resend: '重新发送',
      resendIn: (s: number) => `${s} 秒后可以重新发送`,
      checking: '正在核对验证码…',
      wrong: (left: number) => `验证码不对，请再输入一次。还可以试${left}次。`,
      expired: '验证码已经过期了。请按“重新发送”，再输入新的验证码。',
      expiresSoon: '验证码还有1分钟就过期了。过期了，可以按“重新发送”。',
      locked: '验证码错了太多次，不能再用了。请按“重新发送”，取一个新的验证码。',
      noCode: '请按“重新发送”，取一个验证码。',
      recentlySent: '验证码刚刚发过了，请输入手机上收到的6位数字。',
      wait: (s: number) => `刚刚发过验证码，请等${s}秒再重新发送。`,
      noPhone: '这个身份证号没有登记手机号，在电视上不能查询个人信息。请到村里的服务站办理。',
      offline: '查询个人信息要连上网络。现在连不上服务站，请稍后再试。',
      home: '返回首页',
      tryAgain: '再试一次',
    },
  },
  flow: {
    loading: '正在准备…',
    documents: '请准备好：',
    yes: '是',
    no: '不是',
    confirmSubmit: '是，提交',
    fixSomething: '不是，要修改',
    whichWrong: '哪一项不对？',
    applicant: (name: string | null, tail: string) => `申请人：${name ?? ''}（身份证尾号 ${tail}）`,
    numberReadBack: (spoken: string) => `您输入的是：${spoken}。对吗？`,
    /** A count or a sum heard by voice, said back as a quantity (两千五百元). */
    quantityReadBack: (spoken: string) => `您说的是：${spoken}。对吗？`,
    numberCheck: '请核对：',
    /** 不是 said to a number's read-back: the number again, by voice or on the keypad. */
    numberSayAgain: '好的，请您再说一遍，也可以在键盘上改。',
    digitsSoFar: (n: number) => `已输入 ${n} 位`,
    typedByHelper: '请家人或工作人员帮忙输入。',
    /** The one thing that can be said on a screen voice cannot answer (a typed name); the help intent. */
    callStaff: '叫工作人员',
    takePhoto: '拍照',
    retake: '重拍',
    usePhoto: '用这张',
    cameraUnavailable: '摄像头打不开。请说“叫工作人员”，或者找工作人员帮忙。',
    photoTooLarge: '照片太大了，请重拍一张。准备好了，就说“拍照”。',
    photoTaken: '拍好了。照片能用，就说“可以”；要重拍，就说“重拍”。',
    photoAgain: '好，再拍一张。准备好了，就说“拍照”。',
    cameraStarting: '摄像头正在打开，打开了马上就拍，请别动。',
    photoFailed: '这张没拍上，请再说一次“拍照”，或者按拍照。',
    ineligibleBack: '回到上一步',
    goHome: '回到首页',
    /** After 是 said (not pressed) at the read-back: a last chance to take it back, see SubmitWindow. */
    submitWindow: {
      title: '好的，马上为您提交。',
      hint: '不提交的话，请说“不是”，或者按“先不提交”。',
      spoken: '好的，马上为您提交。不提交的话，请说“不是”。',
      listening: '正在听，不提交请说“不是”',
      now: '马上提交',
      notYet: '先不提交',
      cancelled: '好的，先不提交。请再看一看，没问题就说“是，提交”。',
    },
    submitting: '正在保存您的申请…',
    submitFailed: '保存没有成功，您的信息还在。请再按一次提交，或找工作人员。',
    trackingNumber: (n: string) => `${NUMBER_LABELS.tracking}：${n}`,
    receiptNumber: (n: string) => `${NUMBER_LABELS.receipt}：${n}`,
    printing: '正在打印回执…',
    printed: '回执打印好了，请从下面的出纸口取走。',
    // The printer's words already say what to do; one sentence each, never a doubled 。.
    printFailed: (msg: string) => joinSentences('回执没打出来', msg, '您的申请已经保存好了'),
    takeReceipt: '请带好回执，交到村便民服务站窗口，或者留好备查。',
    finish: '办完了',
    feeLabel: '一共要交',
    payQrAlt: (yuan: number) => `缴费二维码，${yuan}元`,
    payQrCaption: (yuan: number) => `一共 ${yuan} 元。用手机扫这个码交钱。`,
    notOffered: '这项服务在这台机器上办不了，请到村便民服务站办理。',
  },
  voice: {
    label: '用说话来办',
    pressToTalk: '按一下，说话',
    listening: '说完了',
    listeningNow: '正在听您说…',
    heard: (text: string) => `听到：${text}`,
    notUnderstood: '没听清，请再说一遍，或者按按钮。',
    /** After two misses at a kiosk whose call for the specialist went through (also the query screens' words then). */
    useButtons: helpComing,
    /** A command heard, but not surely enough to act on from one hearing: say it again to go ahead. */
    confirmAgain: {
      yes: '我听着像是“是”，对吗？',
      other: (label: string) => `我听着像是“${label}”，对吗？`,
    },
    /** 不是, said to 我听着像是…，对吗？ */
    notThat: '好的，那请您再说一遍。',
    /** 首页 said in the middle of an application: asked about first. */
    confirmHome: '回首页的话，刚才填的就不要了。要回首页吗？',
    /** 不是 to that: carry on, and the question again. */
    keepGoing: '好的，我们接着办。',
    /** Asking again after one miss, shorter and more concrete than the question (voice/reprompts.ts picks). */
    again: {
      home: (services: readonly string[]) => `我没听清。您可以说：${services.join('、')}。`,
      confirm: '我没听清。对的话请说“是”，不对请说“不是”。',
      // Numbers said aloud are heard too poorly to offer (bench:speech): the keypad is the way in.
      digits: '我没听清。请用屏幕上的键盘按号码。',
      quantity: '我没听清。请用屏幕上的键盘按数字。',
      choice: (options: readonly string[]) => `我没听清。您可以说：${options.join('、')}，或者说“第一个”。`,
      plain: '我没听清，请再说一遍。',
      /** In place of 我没听清 when nothing was heard at all (silence, or too quiet a voice). */
      noInput: '我没听到您说话。',
    },
    /** After two misses in a row, by what actually happened: voice has failed this resident, say what works. */
    afterTwoMisses: {
      /** Kiosk, and the station has the call. */
      helpComing,
      /** Kiosk, but the call did not go through (or could not be made): no promise that someone is coming. */
      askCounter: '没关系，您可以直接按屏幕上的大按钮。要人帮忙，请到窗口找工作人员。',
      /** TV at home: nobody comes. `hotline` is the number as shown, or as read aloud. */
      useRemote: (hotline: string) =>
        `没关系，您可以用遥控器来选：按方向键挑，按“确定”键选中。要人帮忙，可以打${hotline}${helpStrings.hotline.name}，或者请家里人帮忙。`,
    },
    noMicrophone: '话筒用不了，请按按钮，或者找工作人员。',
    /** The same on a TV at home, where there is no staff to ask. */
    noMicrophoneTv: '话筒用不了，请用遥控器选按钮，或者请家里人帮忙。',
    help: '您可以说要办的事，比如"养老认证"；说"返回"回到上一步，说"首页"回到首页，说"再说一遍"再听一次。',
  },
  errors: {
    generic: '出了点问题，请再试一次，或找工作人员帮忙。',
    noSession: '无法连接本机服务。请工作人员重新启动本机。',
    speechUnavailable: '本机暂时不能朗读。',
  },
} as const;

export type Strings = typeof zhCN;
export const t = zhCN;
