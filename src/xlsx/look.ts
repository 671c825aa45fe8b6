// How a sheet of the clerk's own file looks, as far as the web page's grid draws it: column widths, and each cell's
// font (bold, italic, colour), solid fill and horizontal alignment. Read by the streaming reader (styles.xml's fonts,
// fills and cellXfs; the sheet's <cols> and each cell's s attribute) and carried on the sheet's snapshot as `look`
// (an extra property: core never reads it). Colours given as rgb only: theme and indexed colours are not drawn.
// Browser-safe.

import type { SheetSnapshot } from '../core/types';
import type { XmlAttributes } from './xml';

export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  /** CSS colour of the text, "#RRGGBB". */
  colour?: string;
  /** CSS colour of a solid fill. */
  fill?: string;
  align?: 'left' | 'center' | 'right';
}

export interface SheetLook {
  /** Column number → width in characters, for the columns the file sets a width on. */
  widths: Record<number, number>;
  /** The looks cells have; index 0 is the plain look. */
  looks: CellLook[];
  /** Per row of `values` (same top), each cell's index into `looks`; null for a row of plain cells. */
  cells: (Uint16Array | null)[];
}

/** A sheet of the reader's snapshot, with its look when the file gave one. */
export type LookedSheet = SheetSnapshot & { look?: SheetLook };

export function lookOf(sheet: SheetSnapshot): SheetLook | undefined {
  return (sheet as LookedSheet).look;
}

/** The look of the cell at sheet row/column, or undefined when plain. */
export function cellLookAt(sheet: SheetSnapshot, row: number, col: number): CellLook | undefined {
  const look = lookOf(sheet);
  const cells = look?.cells[row - sheet.top];
  if (!cells) return undefined;
  const k = cells[col - sheet.left];
  return k ? look.looks[k] : undefined;
}

/** "FF9C0006" / "9C0006" → "#9C0006". */
function rgb(v: string | undefined): string | undefined {
  if (!v) return undefined;
  if (/^[0-9a-f]{8}$/i.test(v)) return `#${v.slice(2).toUpperCase()}`;
  if (/^[0-9a-f]{6}$/i.test(v)) return `#${v.toUpperCase()}`;
  return undefined;
}

const on = (v: string | undefined) => v === undefined || v === '1' || v === 'true';

/**
 * Collects the looks of styles.xml while the reader streams it (fonts, fills, cellXfs), then gives each cell style
 * (cellXfs index) its look. Feed every element of the part to `open`/`close`.
 */
export class StyleLooks {
  private readonly fonts: CellLook[] = [];
  private readonly fills: (string | undefined)[] = [];
  private readonly xfs: CellLook[] = [];
  private section: 'fonts' | 'fills' | 'cellXfs' | null = null;
  private font: CellLook | null = null;
  private fill: { solid: boolean; colour?: string } | null = null;
  private xf: CellLook | null = null;

  open(el: string, a: XmlAttributes): void {
    if (el === 'fonts' || el === 'fills' || el === 'cellXfs') this.section = el;
    else if (this.section === 'fonts') {
      if (el === 'font') this.font = {};
      else if (this.font && el === 'b' && on(a.get('val'))) this.font.bold = true;
      else if (this.font && el === 'i' && on(a.get('val'))) this.font.italic = true;
      else if (this.font && el === 'color') this.font.colour = rgb(a.get('rgb'));
    } else if (this.section === 'fills') {
      if (el === 'fill') this.fill = { solid: false };
      else if (this.fill && el === 'patternFill') this.fill.solid = a.get('patternType') === 'solid';
      else if (this.fill && el === 'fgColor') this.fill.colour = rgb(a.get('rgb'));
    } else if (this.section === 'cellXfs') {
      if (el === 'xf') {
        const font = this.fonts[Number(a.get('fontId') ?? 0)] ?? {};
        const fill = this.fills[Number(a.get('fillId') ?? 0)];
        this.xf = { ...font, ...(fill ? { fill } : {}) };
      } else if (this.xf && el === 'alignment') {
        const h = a.get('horizontal');
        if (h === 'left' || h === 'right') this.xf.align = h;
        else if (h === 'center' || h === 'centerContinuous') this.xf.align = 'center';
      }
    }
  }

  close(el: string): void {
    if (el === 'fonts' || el === 'fills' || el === 'cellXfs') this.section = null;
    else if (el === 'font' && this.font) {
      this.fonts.push(this.font);
      this.font = null;
    } else if (el === 'fill' && this.fill) {
      this.fills.push(this.fill.solid ? this.fill.colour : undefined);
      this.fill = null;
    } else if (el === 'xf' && this.xf && this.section === 'cellXfs') {
      this.xfs.push(this.xf);
      this.xf = null;
    }
  }

  /** The distinct looks (0: plain) and, per cell style, its index among them. */
  result(): { looks: CellLook[]; lookOfXf: Uint16Array } {
    const looks: CellLook[] = [{}];
    const seen = new Map<string, number>([['{}', 0]]);
    const lookOfXf = new Uint16Array(this.xfs.length);
    this.xfs.forEach((x, i) => {
      const look: CellLook = {};
      if (x.bold) look.bold = true;
      if (x.italic) look.italic = true;
      if (x.colour) look.colour = x.colour;
      if (x.fill) look.fill = x.fill;
      if (x.align) look.align = x.align;
      const key = JSON.stringify(look);
      let k = seen.get(key);
      if (k === undefined && looks.length < 65535) {
        k = looks.length;
        looks.push(look);
        seen.set(key, k);
      }
      lookOfXf[i] = k ?? 0;
    });
    return { looks, lookOfXf };
  }
}
