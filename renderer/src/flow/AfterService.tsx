// What comes after a service is done: the satisfaction rating, then home.
import { Screen } from '../design/Screen.js';
import { Button } from '../design/Button.js';
import { useNav } from '../app/navigation.js';
import { t } from '../i18n/zh-CN.js';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';

export function AfterService({ serviceId }: { serviceId: ServiceId; applicationId: string | null }) {
  const nav = useNav();
  return (
    <Screen id={`service-${serviceId}-after`} title={t.flow.finish}>
      <Button variant="primary" autoFocusOnMount onClick={nav.home} data-action="home">
        {t.flow.goHome}
      </Button>
    </Screen>
  );
}
