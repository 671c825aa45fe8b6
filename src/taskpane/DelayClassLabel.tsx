// A delay class as the pane names it: a chip in the sheet's flag colours beside text in the theme's own colours,
// so the label keeps its contrast in every theme (the sheet's fills are pale; their fonts are not meant for text).

import * as React from 'react';
import { DELAY_COLOURS } from '../core/colours';
import type { DelayClass } from '../core/types';
import { useStyles } from './styles';

export function DelayClassLabel({ cls, text }: { cls: DelayClass; text: string }): React.JSX.Element {
  const s = useStyles();
  const c = DELAY_COLOURS[cls];
  return (
    <span className={s.classLabel} data-delay-class={cls}>
      <span aria-hidden className={s.chip} style={{ backgroundColor: c.fill, borderColor: c.font }} />
      <span style={{ textDecoration: c.strike ? 'line-through' : undefined }}>{text}</span>
    </span>
  );
}
