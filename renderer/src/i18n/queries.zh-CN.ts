// Strings of the query services (社保查询, 办件进度, 证明打印, 政策问答) and of the
// satisfaction rating after every service. Part of the one zh-CN catalogue (see
// zh-CN.ts). Plain words an 80-year-old understands; numbers on screen are
// digits, what is read aloud is built by the pure helpers in
// renderer/src/services/queries/ with common/spoken, so digits are spoken right.
import { NUMBER_LABELS } from '../../../common/domain/number-labels.js';

export const queryStrings = {
  common: {
    loading: '正在查询，请稍等…',
    done: '办完了',
    printAgain: '再打印一次',
    hearAgain: '再听一遍',
    notConnected: '本机服务暂时连不上，请找工作人员帮忙。',
    failed: '没有查出来。请再试一次，或者找工作人员帮忙。',
    tryAgain: '再查一次',
  },
  /** "截至…": when the answer came from the kiosk's saved copy, not the server. */
  cache: {
    offline: (date: string) => `网络暂时断开。下面是截至${date}的记录，可能不是最新的。`,
    spoken: (date: string) => `网络暂时断开。下面是截至${date}的记录。`,
    noCopy: '现在连不上服务器，本机也没有保存您的记录。等网络好了再来查，或者找工作人员帮忙。',
  },
  socialInsurance: {
    title: '社保查询',
    heading: (name: string) => `${name}的参保信息`,
    notFound: '没有查到您的参保记录。请找工作人员帮您问一问。',
    nameMismatch: '查到的记录上的姓名和您身份证上的姓名不一样，不能给您看，也不能打印。请找工作人员帮您核对。',
    labels: {
      type: '参保险种',
      status: '参保状态',
      since: '参保时间',
      months: '缴费月数',
      pension: '每月养老金',
      agency: '经办机构',
      payments: '最近几年缴费',
    },
    months: (n: number) => (n >= 12 ? `${n} 个月（${Math.floor(n / 12)} 年${n % 12 ? ` ${n % 12} 个月` : ''}）` : `${n} 个月`),
    noPension: '还没有开始领',
    payment: (year: number, amount: string, paidOn: string) => `${year} 年交了 ${amount}，${paidOn}交的`,
    noPayments: '没有缴费记录',
  },
  applications: {
    title: '办件进度',
    heading: '您办的事',
    none: '本机没有查到您办的事。如果是在别处办的，请找工作人员帮您查。',
    count: (n: number) => `一共 ${n} 件。按一件，可以听它的进度。`,
    submittedOn: (date: string) => `${date}办的`,
    receipt: (n: string) => `${NUMBER_LABELS.receipt} ${n}`,
    tracking: (n: string) => `${NUMBER_LABELS.tracking} ${n}`,
    status: {
      draft: '还没有提交，只存了草稿',
      queued: '已保存，等待提交',
      sending: '正在提交',
      accepted: '已受理',
      completed: '已办结',
      rejected: '未通过',
      cancelled: '已取消',
    },
    rejectedBecause: (reason: string) => `未通过，原因：${reason}`,
    acceptedWith: (receipt: string) => `已受理，${NUMBER_LABELS.receipt}：${receipt}`,
    queuedPromise: '网络恢复后会自动提交，您不用再跑一趟。',
    updated: '进度有变化，已经更新。',
  },
  certificate: {
    title: '证明打印',
    previewHeading: '打印前请看一看',
    previewHint: '这是要打印的参保证明。没问题就按“打印”。',
    print: '打印',
    printing: '正在打印，请稍等…',
    printedCopies: (n: number) => (n > 1 ? `证明打印好了，一共 ${n} 份。` : '证明打印好了。'),
    partlyPrinted: (n: number) => `已经打好 ${n} 份。`,
    copiesLabel: '打几份',
    copy: (n: number) => `${n} 份`,
    takeIt: '请从机器下方的出纸口取走证明。',
    whereToTake: '把证明交给要您开证明的单位，比如银行、医院或者村委会。',
    failed: '没有打印出来。',
    reasons: {
      'paper-out': '打印机没有纸了。请找工作人员加纸，再按“再打印一次”。',
      'cover-open': '打印机的盖子开着。请找工作人员关好，再按“再打印一次”。',
      offline: '打印机没有连上。请找工作人员看一看。',
      'cutter-error': '打印机切纸出了问题。请找工作人员看一看。',
      'no-reply': '打印机没有反应。请找工作人员看一看。',
      'io-error': '打印机出了问题。请找工作人员看一看。',
    },
    noPrinter: '这台机器没有接打印机。请找工作人员帮忙。',
    /** Body lines of the printed certificate (see certificate.ts). */
    /** Preview only: the printer lays out these lines itself; the paper's own words are common/documents/insurance-certificate.ts. */
    doc: {
      holder: (name: string) => `姓名：${name}`,
      idLine: (masked: string) => `身份证号：${masked}`,
      issuedBy: (agency: string) => `出具单位：${agency}`,
    },
  },
  policy: {
    title: '政策问答',
    lead: '您想问什么？按一个题目，或者输入要问的字词。',
    topicsLabel: '问题分类',
    searchLabel: '要问的字词',
    searchPlaceholder: '比如：医保',
    search: '查找',
    resultsFor: (q: string) => `和“${q}”有关的问题`,
    questionsLabel: '问题',
    noHits: '没有找到。请换个说法，或者按一个题目。',
    pickQuestion: '请按您想问的问题。',
    askAnother: '问别的问题',
    goToService: '去办这件事',
  },
  /** Answering by voice (the 说出来 button, or the remote's voice key). */
  voice: {
    speak: '按这里，说出来',
    listening: '正在听，请说…',
    heard: (text: string) => `听到：${text}`,
    notHeard: '没听清。请再说一遍，或者按按钮。',
    /** Nothing heard at all (silence, or too quiet a voice): not 没听清 (see voice/reprompts.ts). */
    notHeardSilence: '没听到您说话。请再说一遍，或者按按钮。',
    noMic: '这台机器没有话筒，请按按钮。',
    unavailable: '现在不能用说的，请按按钮。',
  },
  satisfaction: {
    facesLabel: '满意程度',
    saving: '正在记下…',
    failed: '没有记下来，请再按一次。',
    done: '回到首页',
    skip: '不评价',
  },
} as const;
