// The screen a record lookup ends on when there is nothing to show: the reason in
// big words (also read aloud), 再试一次 when the link failed, and the screen's
// own 办完了 button. Shared by the 社保 query and certificate printing.
import type { ReactNode } from 'react';
import { Screen } from '../../design/Screen.js';
import { Button } from '../../design/Button.js';
import { t } from '../../i18n/zh-CN.js';

export function LookupProblem(p: { id: string; title: string; message: string | undefined; onRetry: (() => void) | null; done: ReactNode }) {
  return (
    <Screen id={p.id} title={p.title} prompt={p.message}>
      <p className="query-big" role="alert">
        {p.message}
      </p>
      <div className="actions">
        {p.onRetry ? (
          <Button onClick={p.onRetry} data-action="retry">
            {t.queries.common.tryAgain}
          </Button>
        ) : null}
        {p.done}
      </div>
    </Screen>
  );
}
