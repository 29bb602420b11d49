// Strings of a resident's call for the specialist, on the resident's screens,
// and of 求助 on a TV at home, where nobody can come. Part of the one zh-CN
// catalogue (see zh-CN.ts); the desk's side is in specialist.zh-CN.ts.
import { speakDigits } from '../../../common/spoken/index.js';

/** The nationwide government-service hotline: shown as digits, read digit by digit (幺二三四五). */
const hotline = { number: '12345', spoken: speakDigits('12345'), name: '政务服务便民热线' } as const;

export const helpStrings = {
  /** The big button on every resident screen. */
  call: '叫工作人员',
  /**
   * The status bar while a call is open and no specialist has answered yet: for
   * the resident, and for a specialist walking past. Nothing promises that
   * someone is coming until someone said so at the desk.
   */
  called: '正在呼叫工作人员…',
  /** Said after the button or 帮助 / 叫工作人员 reached the station. */
  calledSpoken: '好的，正在呼叫工作人员，请稍等。',
  /** The status bar once a specialist acknowledged the call at the desk. */
  answered: '工作人员马上到',
  /** Said at that moment. */
  answeredSpoken: '工作人员马上到，请稍等。',
  /** A TV at home: the station's specialist acknowledged the family's call. */
  tvAnswered: '工作人员会给您打电话',
  tvAnsweredSpoken: '服务站的工作人员看到了，会给您打电话，请留意电话。',
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
    /** With a station set for this TV (help.station): its specialist can be called through the network. */
    callStation: '请服务站工作人员联系我',
    callStationSpoken: '也可以按“请服务站工作人员联系我”，呼叫服务站的工作人员。',
    calling: '正在呼叫服务站的工作人员…',
    callingSpoken: '好的，正在呼叫服务站的工作人员，请稍等。',
    callFailed: '没有连上服务站。请过一会儿再按一次，或者打12345。',
  },
} as const;
