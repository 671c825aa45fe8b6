// The areas a plan wrote in Excel, per sheet, merged into the ChangedArea list a port refreshes from.

import { parseRange } from '../core/address';
import type { ChangedArea } from '../core/edits';
import { cellsToAreas } from './addresses';

/** The areas written, per sheet, merged into the ChangedArea list a port refreshes from. */
export class Changes {
  private bySheet = new Map<string, ChangedArea>();
  private entry(sheet: string): ChangedArea {
    const key = sheet.toLowerCase();
    let e = this.bySheet.get(key);
    if (!e) {
      e = { sheet, areas: [] };
      this.bySheet.set(key, e);
    }
    return e;
  }
  cells(sheet: string, areas: string[]): void {
    const e = this.entry(sheet);
    if (e.whole) return;
    e.areas.push(...areas);
  }
  whole(sheet: string, area: string, generated = false): void {
    const e = this.entry(sheet);
    e.whole = true;
    e.areas = [area];
    if (generated) e.generated = true;
  }
  tables(sheet: string): void {
    this.entry(sheet).tables = true;
  }
  list(): ChangedArea[] {
    return [...this.bySheet.values()].map((e) => ({ ...e, areas: mergeCells(e.areas) }));
  }
}

/** Single cells merged into rectangles (a fix-all of 6,000 cells is a few hundred areas); areas kept as they are. */
function mergeCells(areas: string[]): string[] {
  const singles: { row: number; col: number }[] = [];
  const rest: string[] = [];
  for (const a of areas) {
    if (a.includes(':')) rest.push(a);
    else {
      const r = parseRange(a);
      singles.push({ row: r.top, col: r.left });
    }
  }
  return [...rest, ...cellsToAreas(singles)];
}
