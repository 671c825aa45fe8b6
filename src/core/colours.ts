// The one table of delay colours (SPEC 6): Excel's own presets. The conditional formats, the weekly report and
// the task pane's legend all read it.

import type { DelayClass } from './types';

export interface ClassColour {
  fill: string; // "#RRGGBB"
  font: string;
  strike: boolean;
}

export const DELAY_COLOURS: Readonly<Record<DelayClass, ClassColour>> = {
  overdue: { fill: '#FFC7CE', font: '#9C0006', strike: false },
  dueSoon: { fill: '#FFEB9C', font: '#9C5700', strike: false },
  onTrack: { fill: '#C6EFCE', font: '#006100', strike: false },
  // SPEC is silent on lines without a due date: Excel's orange accent (light fill, dark text) marks "needs a date".
  noDueDate: { fill: '#FCE4D6', font: '#C65911', strike: false },
  shipped: { fill: '#EDEDED', font: '#7F7F7F', strike: false },
  cancelled: { fill: '#EDEDED', font: '#7F7F7F', strike: true },
};

/** Header rows and section titles of generated tables. */
export const TABLE_HEADER_FILL = '#D9E1F2';
