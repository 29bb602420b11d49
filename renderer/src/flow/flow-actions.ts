// What a flow screen can do, whether a button was pressed or a word was said:
// the one set of actions FlowPage's buttons and flow-voice both call.
import type { PhotoAnswer } from '../../../common/flow/answers.js';
import type { CapturedPhoto } from './to-application.js';

export interface FlowActions {
  next(): void;
  answer(raw: unknown): void;
  skip(): void;
  back(): void;
  confirm(yes: boolean): void;
  chooseFix(key: string): void;
  home(): void;
  photo(p: CapturedPhoto): PhotoAnswer;
}
