// "Read again" and "Use the current sheet": the two ways back to a fresh reading, on the Sheet tab and the first-run screen.

import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { Lang } from '../core/types';

export function ReReadButtons({
  lang,
  busy,
  onRefresh,
  onSwitch,
}: {
  lang: Lang;
  busy: boolean;
  onRefresh(): void;
  onSwitch(): void;
}): React.JSX.Element {
  return (
    <>
      <Button disabled={busy} onClick={onRefresh}>
        {t(lang, 'pane.sheet.refresh')}
      </Button>
      <Button disabled={busy} onClick={onSwitch}>
        {t(lang, 'pane.sheet.useActive')}
      </Button>
    </>
  );
}
