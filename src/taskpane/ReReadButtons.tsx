// "Read again" and "Use the current sheet": the two ways back to a fresh reading, on the Sheet tab and the first-run screen.

import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { t } from '../core/i18n';
import type { PaneContext } from './usePane';

export function ReReadButtons({ ctx }: { ctx: PaneContext }): React.JSX.Element {
  const { lang, busy } = ctx;
  return (
    <>
      <Button disabled={!!busy} onClick={() => void ctx.run('refresh', async () => void (await ctx.reload()))}>
        {t(lang, 'pane.sheet.refresh')}
      </Button>
      <Button disabled={!!busy} onClick={() => void ctx.run('switch', () => ctx.switchToActiveSheet())}>
        {t(lang, 'pane.sheet.useActive')}
      </Button>
    </>
  );
}
