// The order lines as objects (documents, the pane's selection card, fixes): each line's views are read from the
// line store on first use and then kept.

import type { OrderLine } from '../types';
import type { LineTable } from './table';

class SheetLine implements OrderLine {
  constructor(
    readonly row: number,
    private readonly table: LineTable,
    private readonly k: number,
  ) {}
  get raw(): OrderLine['raw'] {
    return this.table.viewsOf(this.k).raw;
  }
  get text(): OrderLine['text'] {
    return this.table.viewsOf(this.k).text;
  }
  get num(): OrderLine['num'] {
    return this.table.viewsOf(this.k).num;
  }
  get date(): OrderLine['date'] {
    return this.table.viewsOf(this.k).date;
  }
  /** Serialises as the plain line it stands for. */
  toJSON(): OrderLine {
    return { row: this.row, raw: this.raw, text: this.text, num: this.num, date: this.date };
  }
}

/** One OrderLine per line of the store, in sheet order. */
export function linesOf(table: LineTable): OrderLine[] {
  const lines: OrderLine[] = new Array(table.n);
  for (let k = 0; k < table.n; k++) lines[k] = new SheetLine(table.row(k), table, k);
  return lines;
}
