// Strings of a resident's call for the specialist, on the resident's screens.
// Part of the one zh-CN catalogue (see zh-CN.ts); the desk's side is in
// specialist.zh-CN.ts.
export const helpStrings = {
  /** The big button on every resident screen. */
  call: '叫工作人员',
  /** The status bar while a call is open: for the resident, and for a specialist walking past. */
  called: '已呼叫工作人员',
  /** Said after the button or 帮助 / 叫工作人员 reached the station. */
  calledSpoken: '好的，已经请工作人员过来了，请稍等。',
  /** The call did not reach the station (its service is down). */
  failed: '没有叫到工作人员。请再按一次，或者到窗口找工作人员。',
} as const;
