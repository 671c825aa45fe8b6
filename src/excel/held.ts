// Which snapshot the port may catch up from: the last one it gave (a full reading, a catch-up, or a refresh after the
// applies since). An apply not yet refreshed leaves none — its writes raise no event we count (ThisLocalAddin), so a
// snapshot without them must never be caught up and planned from.

import type { ApplyResult } from '../core/edits';
import type { WorkbookSnapshot } from '../core/types';

export class HeldSnapshot {
  private current: WorkbookSnapshot | null = null;
  /** `current` came from Excel in full or caught up (its sheets were checked), not patched after writes. */
  private checked = false;
  /** The snapshot the applies since were made on, and their results not yet refreshed, in order. */
  private base: WorkbookSnapshot | null = null;
  private unrefreshed: ApplyResult[] = [];
  private inFlight = 0;

  is(wb: WorkbookSnapshot): boolean {
    return this.current !== null && this.current === wb && this.inFlight === 0 && this.unrefreshed.length === 0;
  }
  /** The snapshot an apply about to start may take the sheets from: read or caught up, with no apply since. */
  checkedNow(): WorkbookSnapshot | null {
    return this.checked && this.inFlight === 0 && this.unrefreshed.length === 0 ? this.current : null;
  }
  forget(): void {
    this.current = null;
    this.base = null;
    this.unrefreshed = [];
  }
  /** A reading or a catch-up: the sheets' names, order and protection were read from Excel. */
  gave(wb: WorkbookSnapshot, checked = true): void {
    this.checked = checked;
    this.current = wb;
    this.base = null;
    this.unrefreshed = [];
  }
  applying(): void {
    if (this.unrefreshed.length === 0 && this.inFlight === 0) this.base = this.current;
    this.current = null;
    this.inFlight++;
  }
  applied(r: ApplyResult): void {
    this.inFlight--;
    this.unrefreshed.push(r);
  }
  /** An apply that failed part-way wrote who knows what: only a full reading is a base again. */
  failed(): void {
    this.inFlight--;
    this.forget();
  }
  /** refresh(wb, r) gave `out`: when it continues the chain from the base, `out` is the workbook now. */
  refreshed(wb: WorkbookSnapshot, r: ApplyResult, out: WorkbookSnapshot): void {
    if (this.base === null || wb !== this.base || this.unrefreshed[0] !== r) {
      this.forget();
      return;
    }
    this.unrefreshed.shift();
    this.base = out;
    if (this.unrefreshed.length === 0 && this.inFlight === 0) this.gave(out, false);
  }
}
