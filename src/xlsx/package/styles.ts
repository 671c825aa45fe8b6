// styles.xml patched by appending: the few cell formats (xf), fonts, fills, borders, number formats and
// differential formats (dxf, for conditional formats) an edit needs. Existing entries keep their index and text;
// an entry we would add that is already there (same text, e.g. from an earlier run) is re-used.

import type { CellStyle } from '../../core/edits';
import { childElements, escapeAttr, firstChild, rootElement, splice, withAttributes, type XmlElement } from './xml';

/** Excel's built-in number formats by code (ECMA-376 Part 1, 18.8.30): never declared in numFmts. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy h:mm': 22,
  '@': 49,
};

/** Child order of <styleSheet> (CT_Stylesheet). */
const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

type Collection = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

export interface DxfSpec {
  fill?: string;
  fontColor?: string;
  strike?: boolean;
}

export class Styles {
  private xml: string;
  private readonly prefix: string;
  /** Entries appended this run, per collection (text), waiting to be written. */
  private readonly appended = new Map<Collection, string[]>();
  private readonly existing = new Map<Collection, string[]>();
  private readonly xfCache = new Map<string, number>();
  /** By style object too: a report's 500,000 cells share a handful of style objects (no JSON key per cell). */
  private readonly xfByStyle = new WeakMap<CellStyle, number>();
  private dirty = false;

  constructor(xml: string | null) {
    this.xml =
      xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
    this.dirty = xml === null;
    this.prefix = rootElement(this.xml).name.includes(':')
      ? rootElement(this.xml).name.slice(0, rootElement(this.xml).name.indexOf(':') + 1)
      : '';
  }

  get changed(): boolean {
    return this.dirty;
  }

  private entries(kind: Collection): string[] {
    let list = this.existing.get(kind);
    if (!list) {
      const el = firstChild(this.xml, rootElement(this.xml), kind);
      list = el ? childElements(this.xml, el).map((c) => this.xml.slice(c.start, c.end)) : [];
      this.existing.set(kind, list);
    }
    return list;
  }

  /** Index of an entry with exactly this text, appending it when new. */
  private indexOf(kind: Collection, text: string): number {
    const list = this.entries(kind);
    const found = list.indexOf(text);
    if (found >= 0) return found;
    list.push(text);
    const more = this.appended.get(kind) ?? [];
    more.push(text);
    this.appended.set(kind, more);
    this.dirty = true;
    return list.length - 1;
  }

  /** The numFmtId for a format code: built-in, declared, or newly declared. */
  numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const el = firstChild(this.xml, rootElement(this.xml), 'numFmts');
    let max = 163;
    const scan = (texts: string[]) => {
      for (const t of texts) {
        const id = Number(/numFmtId="(\d+)"/.exec(t)?.[1] ?? NaN);
        const fc = /formatCode="([^"]*)"/.exec(t)?.[1];
        if (fc !== undefined && decodeAttr(fc) === code) return id;
        if (id > max) max = id;
      }
      return null;
    };
    const known = scan(el ? this.entries('numFmts') : []);
    if (known !== null) return known;
    const id = max + 1;
    this.indexOf('numFmts', `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The text of cellXfs entry `index` (or null when out of range). */
  private xfText(index: number): string | null {
    return this.entries('cellXfs')[index] ?? null;
  }

  /** A cell format like `base` (a cellXfs index) with another number format. */
  withNumberFormat(base: number, code: string): number {
    const key = `nf|${base}|${code}`;
    const hit = this.xfCache.get(key);
    if (hit !== undefined) return hit;
    const text =
      this.xfText(base) ?? this.xfText(0) ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`;
    const id = this.numFmtId(code);
    const el = rootElement(text);
    const patched = withAttributes(text, el, { numFmtId: String(id), applyNumberFormat: '1' }) + text.slice(el.openEnd);
    const index = this.indexOf('cellXfs', patched);
    this.xfCache.set(key, index);
    return index;
  }

  /** A cell format for a new cell from a declarative style (document sheets, headers). */
  cellXf(style: CellStyle): number {
    const known = this.xfByStyle.get(style);
    if (known !== undefined) return known;
    const index = this.newCellXf(style);
    this.xfByStyle.set(style, index);
    return index;
  }

  private newCellXf(style: CellStyle): number {
    const key = `st|${JSON.stringify(style)}`;
    const hit = this.xfCache.get(key);
    if (hit !== undefined) return hit;
    const p = this.prefix;
    const attrs: string[] = [];
    const numFmtId = style.numberFormat ? this.numFmtId(style.numberFormat) : 0;
    const fontId = this.font(style);
    const fillId = style.fill ? this.indexOf('fills', this.solidFill(style.fill)) : 0;
    const borderId = style.border ? this.indexOf('borders', this.border(style.border)) : 0;
    attrs.push(
      `numFmtId="${numFmtId}"`,
      `fontId="${fontId}"`,
      `fillId="${fillId}"`,
      `borderId="${borderId}"`,
      'xfId="0"',
    );
    if (numFmtId) attrs.push('applyNumberFormat="1"');
    if (fontId) attrs.push('applyFont="1"');
    if (fillId) attrs.push('applyFill="1"');
    if (borderId) attrs.push('applyBorder="1"');
    const align: string[] = [];
    if (style.hAlign) align.push(`horizontal="${style.hAlign}"`);
    if (style.vAlign) align.push(`vertical="${style.vAlign === 'middle' ? 'center' : style.vAlign}"`);
    if (style.wrap) align.push('wrapText="1"');
    let text: string;
    if (align.length) {
      attrs.push('applyAlignment="1"');
      text = `<${p}xf ${attrs.join(' ')}><${p}alignment ${align.join(' ')}/></${p}xf>`;
    } else text = `<${p}xf ${attrs.join(' ')}/>`;
    const index = this.indexOf('cellXfs', text);
    this.xfCache.set(key, index);
    return index;
  }

  /** The workbook's default font (fonts[0]) with the style's changes; 0 when nothing changes. */
  private font(style: CellStyle): number {
    if (!style.bold && !style.italic && !style.strike && !style.size && !style.fontColor && !style.fontName) return 0;
    const p = this.prefix;
    const base = this.entries('fonts')[0] ?? `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`;
    const el = rootElement(base);
    const kept = el.selfClosing
      ? []
      : childElements(base, el).filter(
          // A named font drops the theme scheme/family/charset: Excel would show the theme's face instead of the name.
          (c) =>
            !['b', 'i', 'strike', 'sz', 'color'].includes(c.local) &&
            !(style.fontName && ['name', 'scheme', 'family', 'charset'].includes(c.local)),
        );
    const parts: string[] = [];
    if (style.bold) parts.push(`<${p}b/>`);
    if (style.italic) parts.push(`<${p}i/>`);
    if (style.strike) parts.push(`<${p}strike/>`);
    const baseSize = /<(?:\w+:)?sz val="([^"]+)"/.exec(base)?.[1] ?? '11';
    parts.push(`<${p}sz val="${style.size ?? baseSize}"/>`);
    if (style.fontColor) parts.push(`<${p}color rgb="${argb(style.fontColor)}"/>`);
    else {
      const color = childElements(base, el).find((c) => c.local === 'color');
      if (color) parts.push(base.slice(color.start, color.end));
    }
    if (style.fontName) parts.push(`<${p}name val="${escapeAttr(style.fontName)}"/>`);
    for (const c of kept) parts.push(base.slice(c.start, c.end));
    return this.indexOf('fonts', `<${p}font>${parts.join('')}</${p}font>`);
  }

  private solidFill(hex: string): string {
    const p = this.prefix;
    return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(hex)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  }

  private border(kind: 'thin' | 'medium'): string {
    const p = this.prefix;
    const side = (n: string) => `<${p}${n} style="${kind}"><${p}color indexed="64"/></${p}${n}>`;
    return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
  }

  /** A differential format for a conditional-format rule. */
  dxf(spec: DxfSpec): number {
    const p = this.prefix;
    let font = '';
    if (spec.strike || spec.fontColor) {
      font = `<${p}font>${spec.strike ? `<${p}strike/>` : ''}${spec.fontColor ? `<${p}color rgb="${argb(spec.fontColor)}"/>` : ''}</${p}font>`;
    }
    const fill = spec.fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(spec.fill)}"/><${p}bgColor rgb="${argb(spec.fill)}"/></${p}patternFill></${p}fill>`
      : '';
    return this.indexOf('dxfs', `<${p}dxf>${font}${fill}</${p}dxf>`);
  }

  /** styles.xml with every appended entry written and each collection's count updated; null when unchanged. */
  result(): string | null {
    if (!this.dirty) return null;
    let xml = this.xml;
    for (const kind of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as Collection[]) {
      const more = this.appended.get(kind);
      if (!more || more.length === 0) continue;
      const root = rootElement(xml);
      const el = firstChild(xml, root, kind);
      const count = this.entries(kind).length;
      if (el) {
        const open = withAttributes(xml, el, { count: String(count) });
        const body = el.selfClosing ? '' : xml.slice(el.openEnd, el.closeStart);
        xml = splice(xml, [
          { from: el.start, to: el.end, text: `${open.replace(/\s*\/>$/, '>')}${body}${more.join('')}</${el.name}>` },
        ]);
      } else {
        const text = `<${this.prefix}${kind} count="${count}">${more.join('')}</${this.prefix}${kind}>`;
        xml = insertInOrder(xml, root, kind, text, STYLESHEET_ORDER);
      }
    }
    return xml;
  }
}

/** Insert `text` as a child of `parent` where `local` belongs in `order` (before the first later sibling). */
export function insertInOrder(xml: string, parent: XmlElement, local: string, text: string, order: string[]): string {
  const mine = order.indexOf(local);
  const later = childElements(xml, parent).find((c) => {
    const k = order.indexOf(c.local);
    return k > mine;
  });
  if (later) return splice(xml, [{ from: later.start, to: later.start, text }]);
  if (parent.selfClosing) {
    const open = xml.slice(parent.start, parent.openEnd).replace(/\s*\/>$/, '>');
    return splice(xml, [{ from: parent.start, to: parent.end, text: `${open}${text}</${parent.name}>` }]);
  }
  return splice(xml, [{ from: parent.closeStart, to: parent.closeStart, text }]);
}

export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function decodeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
