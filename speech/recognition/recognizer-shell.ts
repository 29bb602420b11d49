// What every engine's Recognizer does the same way, written once: step grammars
// compiled once per step and kept, one session at a time (a kiosk has one
// microphone: starting a session cancels the one still open), and nothing
// started after dispose(). An engine gives only what is its own: how a step
// compiles, how a session opens over it, and what its model frees.
import type { StepSpec } from '../grammar/step-grammar.js';
import { RecognizerError, type RecognitionSession, type Recognizer } from './recognizer.js';

export interface EngineParts<C> {
  readonly engine: Recognizer['engine'];
  readonly browserGain: boolean;
  /** Builds the step's grammar for this engine (throws GrammarError if it cannot). */
  compile(spec: StepSpec): C;
  /** Opens a session over a compiled step. */
  open(compiled: C): RecognitionSession;
  /** Frees the engine's own resources, after the open session (if any) was cancelled. */
  free?(): void;
}

export function recognizerShell<C>(parts: EngineParts<C>): Recognizer {
  const compiled = new Map<string, C>();
  let active: RecognitionSession | null = null;
  let disposed = false;
  const compile = (spec: StepSpec): C => {
    const key = JSON.stringify(spec);
    let c = compiled.get(key);
    if (c === undefined) {
      c = parts.compile(spec);
      compiled.set(key, c);
    }
    return c;
  };
  return {
    engine: parts.engine,
    browserGain: parts.browserGain,
    prepare: (spec) => void compile(spec),
    start(spec) {
      if (disposed) throw new RecognizerError('session-closed', 'The recognizer has been disposed');
      if (active && !active.closed) active.cancel();
      active = parts.open(compile(spec));
      return active;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (active && !active.closed) active.cancel();
      active = null;
      parts.free?.();
    },
  };
}
