// Reading an .xlsx package into a WorkbookSnapshot in one streaming pass: each part is inflated chunk by chunk
// (zip.ts, with limits) straight into a small tokenizer (xml.ts); no whole-workbook object model is built.
// Work and memory follow the cells actually present: merges, validations, conditional formats and the declared
// dimension are never expanded. Browser-safe (no Node APIs); the Node entry is readFile.ts.
// Here: the package and its workbook, styles, shared strings and table parts; one worksheet part is read by
// SheetSink (sheetSink.ts); relationships and part names are in relationships.ts.

import { OrderClerkError } from '../core/errors';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/types';
import { identifyNonZip } from './fileKind';
import { REL_OFFICE_DOCUMENT, relKind, relsPartOf, resolveTarget, type Relationship } from './relationships';
import { StyleLooks } from './look';
import { CellRefError, NumberFormats, SheetSink, decodeEscapes, isTrue, type StyleLooksResult } from './sheetSink';
import { XmlError, XmlStream, type XmlSink } from './xml';
import { joinChunks, openPackage, textDecoderFor, type OpenPackage, type PackageLimits } from './zip';

export interface ReadOptions {
  limits?: Partial<PackageLimits>;
  /** Parts already inflated, by stored name (inflateNative.ts in the browser); the others are inflated here. */
  inflated?: ReadonlyMap<string, Uint8Array>;
  /** Also read how each sheet looks (look.ts: widths, fonts, fills) for the web page's grid. */
  looks?: boolean;
  /**
   * Worksheet parts' inflated bytes are put here, by stored name, for a writer that will read them again (the CLI's
   * apply rewrites the order sheet): it then takes them as `PackageWriteOptions.inflated` instead of inflating again.
   */
  keepSheets?: Map<string, Uint8Array>;
}

/** The snapshot of an .xlsx package. Throws OrderClerkError for anything that is not a workbook we can read. */
export function readSnapshot(data: ArrayBuffer | Uint8Array, file: string, opts: ReadOptions = {}): WorkbookSnapshot {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const kind = identifyNonZip(bytes);
  if (kind) throw new OrderClerkError(kind, { file });
  const pkg = openPackage(bytes, opts.limits, file, opts.inflated);
  try {
    return new PackageReader(pkg, file, opts.looks ?? false, opts.keepSheets ?? null).read();
  } catch (e) {
    if (e instanceof OrderClerkError) throw e;
    // Malformed XML, a bad reference, an impossible index: for the clerk, the file is damaged.
    throw new OrderClerkError('corruptFile', { file });
  }
}

// ---------------------------------------------------------------- the reader

interface SheetEntry {
  name: string;
  state: SheetSnapshot['visibility'];
  relId: string;
}

class PackageReader {
  private formats = new NumberFormats([]);
  private looks: StyleLooksResult | null = null;
  private sharedStrings: string[] = [];
  private date1904 = false;

  constructor(
    private readonly pkg: OpenPackage,
    private readonly file: string,
    private readonly withLooks: boolean,
    private readonly keepSheets: Map<string, Uint8Array> | null,
  ) {}

  read(): WorkbookSnapshot {
    const pkg = this.pkg;
    const lower = pkg.names.map((n) => n.toLowerCase());
    if (pkg.has('mimetype') && /opendocument\.spreadsheet/.test(pkg.text('mimetype')))
      throw new OrderClerkError('odsFile', { file: this.file });
    const workbookPart = this.workbookPart();
    if (workbookPart === null) {
      throw new OrderClerkError(lower.some((n) => n.startsWith('xl/')) ? 'corruptFile' : 'notXlsx', {
        file: this.file,
      });
    }
    if (/\.bin$/i.test(workbookPart)) throw new OrderClerkError('xlsbFile', { file: this.file });

    const wb = this.readWorkbookPart(workbookPart);
    const rels = this.relationships(workbookPart);
    const byType = (kind: string) => rels.find((r) => relKind(r.type) === kind && !r.external);
    const styles = byType('/styles');
    if (styles) this.readStyles(resolveTarget(workbookPart, styles.target));
    const sst = byType('/sharedStrings');
    if (sst) this.readSharedStrings(resolveTarget(workbookPart, sst.target));

    const sheets: SheetSnapshot[] = [];
    for (const entry of wb.sheets) {
      const rel = rels.find((r) => r.id === entry.relId);
      const part = rel && !rel.external ? resolveTarget(workbookPart, rel.target) : null;
      const kind = rel ? relKind(rel.type) : '';
      if (part !== null && kind === '/worksheet' && this.pkg.has(part)) {
        sheets.push(this.readSheet(entry, part));
      } else {
        // Chart sheets, dialog and macro sheets, and sheets whose part is missing hold no cells we read;
        // their names still count (a new sheet must not take one).
        sheets.push(blankSheet(entry.name, entry.state));
      }
    }
    const snapshot: WorkbookSnapshot = { sheets, dateSystem: this.date1904 ? 1904 : 1900, activeSheet: null };
    if (wb.definedNames.length) snapshot.definedNames = wb.definedNames;
    return snapshot;
  }

  private workbookPart(): string | null {
    if (this.pkg.has('_rels/.rels')) {
      const doc = this.relationships('').find((r) => relKind(r.type) === REL_OFFICE_DOCUMENT && !r.external);
      if (doc) {
        const part = resolveTarget('', doc.target);
        if (this.pkg.has(part)) return this.pkg.find(part);
      }
    }
    // A package without its root relationships: the usual name, as Excel itself would look for it.
    for (const name of ['xl/workbook.xml', 'xl/workbook.bin']) if (this.pkg.has(name)) return this.pkg.find(name);
    return null;
  }

  private relationships(sourcePart: string): Relationship[] {
    const relsPart = sourcePart === '' ? '_rels/.rels' : relsPartOf(sourcePart);
    const out: Relationship[] = [];
    if (!this.pkg.has(relsPart)) return out;
    this.parsePart(relsPart, {
      wantText: false,
      open(name, a) {
        if (name !== 'Relationship') return;
        out.push({
          id: a.get('Id') ?? '',
          type: a.get('Type') ?? '',
          target: a.get('Target') ?? '',
          external: a.get('TargetMode') === 'External',
        });
      },
      close() {},
      text() {},
    });
    return out;
  }

  private readWorkbookPart(part: string): {
    sheets: SheetEntry[];
    definedNames: NonNullable<WorkbookSnapshot['definedNames']>;
  } {
    const sheets: SheetEntry[] = [];
    const definedNames: NonNullable<WorkbookSnapshot['definedNames']> = [];
    let name: { name: string; localSheetId: number | null; formula: string } | null = null;
    let date1904 = false;
    this.parsePart(part, {
      wantText: false,
      open(el, a) {
        if (el === 'workbookPr') date1904 = isTrue(a.get('date1904'));
        else if (el === 'sheet') {
          const state = a.get('state');
          sheets.push({
            name: a.get('name') ?? '',
            state: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
            relId: a.get('id') ?? '',
          });
        } else if (el === 'definedName') {
          const local = a.get('localSheetId');
          name = { name: a.get('name') ?? '', localSheetId: local === undefined ? null : Number(local), formula: '' };
          this.wantText = true;
        }
      },
      close(el) {
        if (el === 'definedName' && name) {
          definedNames.push({
            name: name.name,
            sheet: name.localSheetId === null ? null : (sheets[name.localSheetId]?.name ?? null),
            formula: name.formula,
          });
          name = null;
          this.wantText = false;
        }
      },
      text(s) {
        if (name) name.formula += s;
      },
    });
    this.date1904 = date1904;
    return { sheets, definedNames };
  }

  /** The number format of each cell style (cellXfs index), as text; null for General. */
  private readStyles(part: string): void {
    if (!this.pkg.has(part)) return;
    const custom = new Map<number, string>();
    const xfIds: number[] = [];
    let inCellXfs = false;
    const looks = this.withLooks ? new StyleLooks() : null;
    this.parsePart(part, {
      wantText: false,
      open(el, a) {
        looks?.open(el, a);
        if (el === 'numFmt') custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
        else if (el === 'cellXfs') inCellXfs = true;
        else if (el === 'xf' && inCellXfs) xfIds.push(Number(a.get('numFmtId') ?? 0));
      },
      close(el) {
        looks?.close(el);
        if (el === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
    this.formats = new NumberFormats(xfIds.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id] ?? null));
    this.looks = looks ? looks.result() : null;
  }

  private readSharedStrings(part: string): void {
    if (!this.pkg.has(part)) return;
    const out = this.sharedStrings;
    let current = '';
    let inSi = false;
    let inPhonetic = false;
    this.parsePart(part, {
      wantText: false,
      open(el) {
        if (el === 'si') {
          inSi = true;
          current = '';
        } else if (el === 'rPh') inPhonetic = true;
        else if (el === 't' && inSi && !inPhonetic) this.wantText = true;
      },
      close(el) {
        if (el === 't') this.wantText = false;
        else if (el === 'rPh') inPhonetic = false;
        else if (el === 'si') {
          out.push(decodeEscapes(current));
          inSi = false;
        }
      },
      text(s) {
        current += s;
      },
    });
  }

  private readSheet(entry: SheetEntry, part: string): SheetSnapshot {
    const sink = new SheetSink(
      this.sharedStrings,
      this.formats,
      this.date1904,
      this.withLooks ? (this.looks ?? { looks: [{}], lookOfXf: new Uint16Array(0) }) : null,
      this.partSizeHint(part),
    );
    this.parsePart(part, sink, this.keepSheets ? (this.pkg.find(part) ?? part) : null);
    const tables: { name: string; range: string }[] = [];
    if (sink.tableRelIds.length) {
      const rels = this.relationships(part);
      for (const id of sink.tableRelIds) {
        const rel = rels.find((r) => r.id === id);
        if (!rel || rel.external) continue;
        const t = this.readTable(resolveTarget(part, rel.target));
        if (t) tables.push(t);
      }
    }
    return sink.snapshot(entry.name, entry.state, tables);
  }

  /**
   * About how many bytes the part inflates to, to size the sheet's cell columns: the size the zip declares, but no
   * more than 32 times the bytes it stores (a declared size can lie, and is checked only as the part inflates).
   */
  private partSizeHint(part: string): number {
    const { size, compressedSize } = this.pkg.stored(part);
    return Math.min(size, compressedSize * 32);
  }

  private readTable(part: string): { name: string; range: string } | null {
    if (!this.pkg.has(part)) return null;
    let out: { name: string; range: string } | null = null;
    this.parsePart(part, {
      wantText: false,
      open(el, a) {
        if (el !== 'table' || out) return;
        const ref = a.get('ref');
        const name = a.get('displayName') ?? a.get('name');
        if (ref && name && ref.includes(':')) out = { name, range: ref.replace(/\$/g, '').toUpperCase() };
      },
      close() {},
      text() {},
    });
    return out;
  }

  /** Stream one part through the tokenizer; `keepAs`: also keep its inflated bytes under this name. */
  private parsePart(part: string, sink: XmlSink, keepAs: string | null = null): void {
    const xml = new XmlStream(sink);
    let decoder: TextDecoder | null = null;
    const kept: Uint8Array[] = [];
    try {
      this.pkg.stream(part, (chunk) => {
        if (keepAs !== null) kept.push(chunk);
        if (!decoder) decoder = textDecoderFor(chunk);
        xml.write(decoder.decode(chunk, { stream: true }));
      });
      if (keepAs !== null) this.keepSheets?.set(keepAs, joinChunks(kept));
      if (decoder) xml.write((decoder as TextDecoder).decode());
      xml.end();
    } catch (e) {
      if (e instanceof OrderClerkError) throw e;
      if (e instanceof XmlError || e instanceof CellRefError || e instanceof RangeError || e instanceof TypeError)
        throw new OrderClerkError('corruptFile', { file: this.file });
      throw e;
    }
  }
}

function blankSheet(name: string, visibility: SheetSnapshot['visibility']): SheetSnapshot {
  return { name, top: 1, left: 1, values: [], formats: null, merges: [], tables: [], visibility, protected: false };
}

// ---------------------------------------------------------------- number formats

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30) that matter to tell dates: the rest are numbers. 27–36 and
 * 50–58 are the East Asian built-ins; their date ones are given in their zh-CN form.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};
