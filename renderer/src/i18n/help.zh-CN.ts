// Strings of a resident's call for the specialist, on the resident's screens,
// and of 求助 on a TV at home, where nobody can come. Part of the one zh-CN
// catalogue (see zh-CN.ts); the desk's side is in specialist.zh-CN.ts.
import { speakDigits } from '../../../common/spoken/index.js';

/** The nationwide government-service hotline: shown as digits, read digit by digit (幺二三四五). */
const hotline = { number: '12345', spoken: speakDigits('12345'), name: '政务服务便民热线' } as const;

export const helpStrings = {
  /** The big button on every resident screen. */
  call: '叫工作人员',
  /** The status bar while a call is open: for the resident, and for a specialist walking past. */
  called: '已呼叫工作人员',
  /** Said after the button or 帮助 / 叫工作人员 reached the station. */
  calledSpoken: '好的，已经请工作人员过来了，请稍等。',
  /** The call did not reach the station (its service is down). */
  failed: '没有叫到工作人员。请再按一次，或者到窗口找工作人员。',
  hotline,
  /** A TV at home: no specialist to call, so 求助 says where help is (help/TvHelp.tsx, and the spoken 帮助). */
  tv: {
    button: '求助',
    title: '要人帮忙？',
    callLabel: '打电话',
    callWhat: `${hotline.name}，有人接电话帮您。`,
    station: '或者到村便民服务站，工作人员可以帮您代办。',
    close: '知道了',
    /** Read aloud when the panel opens, and for the spoken 帮助 on a TV. */
    spoken: `要人帮忙，可以打${hotline.spoken}，${hotline.name}。也可以到村便民服务站，工作人员可以帮您代办。`,
    /** Said after `spoken` when the panel opens: how to close it. */
    closeHint: '按返回键，或者按“知道了”，回到刚才的地方。',
  },
} as const;
