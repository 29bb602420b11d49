// What the kiosk says when it did not understand: never the same words twice in
// a row (a resident who did not understand the question will not understand it
// louder), shorter and more concrete each time, and after two failures what
// works instead — which depends on where the resident is and on what actually
// happened: at the station kiosk the buttons, and the specialist only if the
// call reached the desk; on a TV at home the remote, the 12345 hotline or the
// family (nobody comes). The words are in the zh-CN catalogue; this picks them.
import { confirmVoiceSynonyms, globalVoiceSynonyms, serviceVoiceSynonyms, type ServiceIntentId } from '../../../common/catalogue/voice-synonyms.js';
import type { StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { t } from '../i18n/zh-CN.js';

export type StepKind = 'home' | 'confirm' | 'digits' | 'quantity' | 'choice';

/** A line as shown on screen and as read aloud (numbers such as 12345 are read digit by digit). */
export interface Line {
  readonly text: string;
  readonly say: string;
}

/** What happened to the help a resident needs after voice failed. */
export interface MissHelp {
  readonly uiMode: 'kiosk' | 'tv';
  /** The station has the call for the specialist (always false on a TV). */
  readonly helpCalled: boolean;
}

const same = (text: string): Line => ({ text, say: text });

/** The line after the second miss in a row (and any after it, in the same run). */
export function afterTwoMisses(help: MissHelp): Line {
  const w = t.voice.afterTwoMisses;
  if (help.uiMode === 'tv') return { text: w.useRemote(t.help.hotline.number), say: w.useRemote(t.help.hotline.spoken) };
  return same(help.helpCalled ? w.helpComing : w.askCounter);
}

/**
 * The prompt after `failures` consecutive failed attempts (1 = first retry). `noInput`: nothing
 * was heard at all (silence, or a voice too quiet to tell from the room), which is not 我没听清
 * (heard, not understood) but 我没听到您说话 — the distinction voice dialogs make between
 * no input and no match, so a resident who said nothing is not told they were unclear.
 */
export function reprompt(
  kind: StepKind,
  failures: number,
  opts: { options?: readonly string[]; services?: readonly ServiceIntentId[]; help: MissHelp; noInput?: boolean },
): Line {
  if (failures >= 2) return afterTwoMisses(opts.help);
  const line = againLine(kind, opts);
  return opts.noInput ? same(line.text.replace(MISHEARD, t.voice.again.noInput)) : line;
}

/** How every line asking again after a miss begins (zh-CN: 我没听清。/ 我没听清，). */
const MISHEARD = /^我没听清[。，]/u;

function againLine(kind: StepKind, opts: { options?: readonly string[]; services?: readonly ServiceIntentId[] }): Line {
  const again = t.voice.again;
  switch (kind) {
    case 'home': {
      const names = (opts.services ?? ['pension-certification', 'social-insurance-query', 'medical-insurance-payment']).slice(0, 3).flatMap((id) => serviceVoiceSynonyms[id].slice(0, 1));
      return same(again.home(names));
    }
    case 'confirm':
      return same(again.confirm);
    case 'digits':
      return same(again.digits);
    case 'quantity':
      return same(again.quantity);
    case 'choice':
      return same(opts.options && opts.options.length > 0 ? again.choice(opts.options.slice(0, 4)) : again.plain);
  }
}

/** The replies to one screen's misses, remembering whether this run's call for help went through. */
export interface MissReplies {
  /**
   * The reply to the `failures`-th miss in a row at the step on screen. At the
   * second, a kiosk first calls for the specialist (once per run of misses) and
   * waits for the answer, so the words match what happened. A TV calls nobody.
   */
  reply(
    kind: StepKind,
    failures: number,
    opts: { options?: readonly string[]; services?: readonly ServiceIntentId[]; noInput?: boolean },
    ctx: { uiMode: MissHelp['uiMode']; callForHelp(): Promise<boolean> },
  ): Promise<Line>;
}

export function createMissReplies(): MissReplies {
  let helpCalled = false;
  return {
    async reply(kind, failures, opts, ctx) {
      if (failures < 2) helpCalled = false; // a new run of misses
      else if (failures === 2) helpCalled = ctx.uiMode === 'kiosk' && (await ctx.callForHelp());
      return reprompt(kind, failures, { ...opts, help: { uiMode: ctx.uiMode, helpCalled } });
    },
  };
}

/**
 * What the kiosk says when it heard `intent` but not surely enough (confirm-again):
 * the command in its plain words — the button's label, the service's name — not
 * the words heard, since 可以 misheard as 对的 is still a yes and would puzzle.
 */
export function askAgain(intent: string, step: StepSpecInput | null): string {
  if (intent === 'yes') return t.voice.confirmAgain.yes;
  const words: Record<string, readonly string[] | undefined> = { ...serviceVoiceSynonyms, ...globalVoiceSynonyms, ...confirmVoiceSynonyms };
  const label = (step?.kind === 'choice' ? step.options.find((o) => o.id === intent)?.label : undefined) ?? words[intent]?.[0];
  return label ? t.voice.confirmAgain.other(label) : t.voice.again.plain;
}
