// The moment a specialist acknowledges the resident's call, the screen says so
// aloud (工作人员马上到; on a TV, 工作人员会给您打电话): until then the resident
// has only been told that the call is being made, never that someone is coming.
import { useEffect, useRef } from 'react';
import { t } from '../i18n/zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { useHelpState } from './useHelpOpen.js';

export function useHelpAnswerSpoken(uiMode: 'kiosk' | 'tv'): void {
  const { acknowledged } = useHelpState();
  const { speak } = useReadAloud();
  const before = useRef(acknowledged);
  useEffect(() => {
    // Urgent: news the resident is waiting for is not cut by a question, nor lost under another line.
    if (acknowledged && !before.current) void speak(uiMode === 'tv' ? t.help.tvAnsweredSpoken : t.help.answeredSpoken, 'urgent');
    before.current = acknowledged;
  }, [acknowledged, speak, uiMode]);
}
