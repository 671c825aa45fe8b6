// The package-preserving writer: carries out a WorkbookEdit plan on the bytes of an .xlsx/.xlsm by patching
// only the parts the edits touch. Every other part is copied unchanged, byte for byte; in a touched part every
// element and attribute the edit does not concern keeps its text. Browser-safe (no Node APIs).

import { cellAddress, columnLetter, parseCell, quoteSheet } from '../../core/address';
import type { ApplyResult, ChartSpec, SheetSpec, WorkbookEdit, WriteValue } from '../../core/edits';
import { OrderClerkError } from '../../core/errors';
import { EXCEL_LIMITS, fitEditsToExcel, sheetNameFits, type LimitedCell } from '../../core/limits';
import { SETTINGS_SHEET, settingsChunks } from '../../core/settings';
import { chartXml, drawingXml } from './chart';
import { refuseWrongExtension } from './macros';
import { emptySheetXml, sheetSpecBytes } from './newSheet';
import { openPackageForWrite } from './open';
import {
  CONTENT_TYPE,
  Package,
  REL,
  WORKBOOK_ORDER,
  insertBeforeClose,
  readSheets,
  relationshipOfType,
  type SheetEntry,
} from './parts';
import { setConditionalFormats, setDataValidation } from './rules';
import { shiftFormulaRows } from '../../core/po/formula';
import { formulaAt } from './formulaAt';
import { SheetPart, richText, type CellWrite } from './sheet';
import { Styles, insertInOrder } from './styles';
import { createTable, growTable, relPrefix, tablesOfSheet, type TableInfo } from './tables';
import {
  attr,
  childElements,
  eachChild,
  escapeAttr,
  escapeText,
  firstChild,
  rootElement,
  splice,
  withAttributes,
} from './xml';

export interface PackageWriteResult extends ApplyResult {
  bytes: Uint8Array;
  /** Parts changed or added (the rest are byte-identical to the input). */
  touched: string[];
  /** Values cut or left empty to stay inside Excel's limits. */
  limited: LimitedCell[];
}

export interface PackageWriteOptions {
  /** The file name the bytes will be saved under: its extension must fit the package (.xlsm for macros). */
  outputName?: string;
  /** The input's name, for the message when the extension does not fit. */
  inputName?: string;
  /** Parts of the input already inflated (ReadOptions.keepSheets), by stored name: taken instead of inflating. */
  inflated?: ReadonlyMap<string, Uint8Array>;
}

/** Carry out `edits` on the package `input`; the input bytes are not changed. */
export async function applyEditsToPackage(
  input: Uint8Array,
  plan: WorkbookEdit[],
  opts: PackageWriteOptions = {},
): Promise<PackageWriteResult> {
  const { edits, limited } = fitEditsToExcel(plan);
  const writer = await PackageWriter.open(input, opts.inflated);
  if (opts.outputName !== undefined) await refuseWrongExtension(writer.pkg, opts.outputName, opts.inputName ?? '');
  const result: ApplyResult = { createdSheets: [], table: null };
  for (const e of edits) await writer.apply(e, result);
  await writer.finish();
  return { ...result, bytes: await writer.pkg.bytes(), touched: writer.pkg.touched(), limited };
}

class PackageWriter {
  private readonly sheetParts = new Map<string, SheetPart>();
  private sharedStrings: string[] | null = null;
  private stylesPath: string | null = null;
  private styles!: Styles;
  private sheets: SheetEntry[] = [];
  private tables: TableInfo[] | null = null;
  private wantsRecalc = false;

  private constructor(
    readonly pkg: Package,
    private readonly workbookPath: string,
  ) {}

  static async open(bytes: Uint8Array, inflated?: ReadonlyMap<string, Uint8Array>): Promise<PackageWriter> {
    const pkg = new Package(await openPackageForWrite(bytes, 'workbook', inflated));
    const w = new PackageWriter(pkg, await pkg.workbookPath());
    w.sheets = await readSheets(pkg, w.workbookPath);
    const rels = await pkg.relationships(w.workbookPath);
    const styles = relationshipOfType(rels, 'styles');
    w.stylesPath = styles ? pkg.find(Package.resolve(w.workbookPath, styles.target)) : null;
    w.styles = new Styles(w.stylesPath ? await pkg.text(w.stylesPath) : null);
    return w;
  }

  async apply(e: WorkbookEdit, result: ApplyResult): Promise<void> {
    switch (e.kind) {
      case 'ensureTable':
        result.table = await this.ensureTable(e);
        return;
      case 'setValues': {
        const sheet = await this.sheet(e.sheet);
        const writes = new Map<number, Map<number, CellWrite>>();
        for (const c of e.cells) {
          const { row, col } = parseCell(c.address);
          const w: CellWrite = { value: c.value };
          const fmt = c.numberFormat;
          // A new order line takes the last line's style and continues its formula (formatFrom / formulaFrom).
          const like = c.formatFrom ? parseCell(c.formatFrom) : null;
          const base = like ? sheet.styleAt(like.row, like.col) : undefined;
          if (fmt) w.style = (old) => this.styles.withNumberFormat((like ? base : old) ?? 0, fmt);
          else if (like) w.style = () => base ?? null;
          if (c.formulaFrom) {
            const src = parseCell(c.formulaFrom);
            const f = formulaAt(sheet, src.row, src.col);
            if (f !== null) {
              w.formula = shiftFormulaRows(f, row - src.row);
              this.wantsRecalc = true;
            }
          }
          put(writes, row, col, w);
        }
        sheet.writeCells(writes);
        return;
      }
      case 'setDataValidation':
        setDataValidation(await this.sheet(e.sheet), e.rules);
        return;
      case 'setConditionalFormats':
        setConditionalFormats(await this.sheet(e.sheet), this.styles, e.marker, e.ranges, e.rules);
        return;
      case 'addSheet':
        await this.addSheet(e.spec, e.activate === true);
        result.createdSheets.push(e.spec.name);
        return;
      case 'appendRows':
        if (await this.appendRows(e)) result.createdSheets.push(e.sheet);
        return;
      case 'writeSettings':
        if (await this.writeSettings(e.json)) result.createdSheets.push(SETTINGS_SHEET);
        return;
    }
  }

  // ------------------------------------------------------------ sheets

  private entry(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private async sheet(name: string): Promise<SheetPart> {
    const entry = this.entry(name);
    if (!entry || !entry.path || !entry.isWorksheet) throw new Error(`sheet not found: ${name}`);
    let part = this.sheetParts.get(entry.path);
    if (!part) {
      const { text, bytes } = await this.pkg.textWithBytes(entry.path);
      part = new SheetPart(text, bytes);
      this.sheetParts.set(entry.path, part);
    }
    return part;
  }

  private pathOf(name: string): string {
    return this.entry(name)!.path!;
  }

  private async sst(): Promise<(i: number) => string> {
    if (!this.sharedStrings) {
      const rels = await this.pkg.relationships(this.workbookPath);
      const rel = relationshipOfType(rels, 'sharedStrings');
      const path = rel ? this.pkg.find(Package.resolve(this.workbookPath, rel.target)) : null;
      const list: string[] = [];
      if (path) {
        const xml = await this.pkg.text(path);
        eachChild(xml, rootElement(xml), (si) => {
          if (si.local === 'si') list.push(richText(xml, si));
        });
      }
      this.sharedStrings = list;
    }
    const list = this.sharedStrings;
    return (i) => list[i] ?? '';
  }

  /** Register a new worksheet part in the workbook, its relationships and content types. */
  private async newSheet(name: string, xml: string, state: SheetEntry['state']): Promise<SheetPart> {
    const path = this.pkg.freeName('xl/worksheets', 'sheet');
    this.pkg.set(path, xml);
    await this.registerSheet(name, path, state);
    const part = new SheetPart(xml);
    this.sheetParts.set(path, part);
    return part;
  }

  /** The workbook's <sheet>, its relationship and content type for the worksheet part `path`. */
  private async registerSheet(name: string, path: string, state: SheetEntry['state']): Promise<void> {
    if (!sheetNameFits(name)) throw new Error(`sheet name Excel cannot hold: ${name}`);
    if (this.entry(name)) throw new Error(`sheet exists: ${name}`);
    await this.pkg.addOverride(path, CONTENT_TYPE.worksheet);
    const relId = await this.pkg.addRelationship(this.workbookPath, REL.worksheet, path);
    let wb = await this.pkg.text(this.workbookPath);
    const root = rootElement(wb);
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const rel = relPrefix(wb, root);
    const tag =
      `<${prefix(root.name)}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"` +
      `${state === 'visible' ? '' : ` state="${state}"`} ${rel.decl}${rel.prefix}id="${relId}"/>`;
    const sheets = firstChild(wb, root, 'sheets');
    wb = sheets
      ? insertBeforeClose(wb, sheets, tag)
      : insertInOrder(
          wb,
          root,
          'sheets',
          `<${prefix(root.name)}sheets>${tag}</${prefix(root.name)}sheets>`,
          WORKBOOK_ORDER,
        );
    this.pkg.set(this.workbookPath, wb);
    this.sheets.push({ name, sheetId, relId, state, path, isWorksheet: true, index: this.sheets.length });
  }

  /**
   * A sheet the plan makes whole (report, documents): its XML is written straight to bytes, chart drawing
   * included; it is read back as a SheetPart only if a later edit of the plan writes into it.
   */
  private async addSheet(spec: SheetSpec, activate: boolean): Promise<void> {
    if (!sheetNameFits(spec.name)) throw new Error(`sheet name Excel cannot hold: ${spec.name}`);
    if (this.entry(spec.name)) throw new Error(`sheet exists: ${spec.name}`);
    const path = this.pkg.freeName('xl/worksheets', 'sheet');
    this.pkg.setBytes(path, new Uint8Array(0)); // its place among the added parts; the bytes come below
    await this.registerSheet(spec.name, path, 'visible');
    const drawing = spec.chart ? await this.addChart(path, spec.chart, spec.name) : undefined;
    const { bytes, formulas } = sheetSpecBytes(spec, this.styles, activate, drawing);
    this.pkg.setBytes(path, bytes);
    if (formulas) this.wantsRecalc = true;
    const index = this.entry(spec.name)!.index;
    const local = (n: string, text: string) => ({ name: n, localSheetId: index, text });
    const names = [local('_xlnm.Print_Area', `${quoteSheet(spec.name)}!${absolute(spec.pageSetup.printArea)}`)];
    if (spec.pageSetup.printTitleRows)
      names.push(local('_xlnm.Print_Titles', `${quoteSheet(spec.name)}!${spec.pageSetup.printTitleRows}`));
    await this.addDefinedNames(names);
    if (activate) await this.activate(spec.name);
  }

  /**
   * A chart part and its drawing, related to the new sheet `sheetPath`; returns the sheet's <drawing> element (in
   * the namespaces of the sheet newSheet.ts writes: the relationships namespace is `r:`).
   */
  private async addChart(sheetPath: string, spec: ChartSpec, sheetName: string): Promise<string> {
    const chartPath = this.pkg.freeName('xl/charts', 'chart');
    this.pkg.set(chartPath, chartXml(sheetName, spec));
    await this.pkg.addOverride(chartPath, CONTENT_TYPE.chart);
    const drawingPath = this.pkg.freeName('xl/drawings', 'drawing');
    this.pkg.set(drawingPath, drawingXml(spec, spec.title));
    await this.pkg.addOverride(drawingPath, CONTENT_TYPE.drawing);
    await this.pkg.addRelationship(drawingPath, REL.chart, chartPath);
    const relId = await this.pkg.addRelationship(sheetPath, REL.drawing, drawingPath);
    return `<drawing r:id="${relId}"/>`;
  }

  /** Set one sheet-local defined name (the print area), replacing its old text or adding it. */
  private async setDefinedName(n: { name: string; localSheetId: number; text: string }): Promise<void> {
    const wb = await this.pkg.text(this.workbookPath);
    const dn = firstChild(wb, rootElement(wb), 'definedNames');
    const old = dn
      ? childElements(wb, dn).find(
          (c) =>
            c.local === 'definedName' &&
            attr(wb, c, 'name') === n.name &&
            attr(wb, c, 'localSheetId') === String(n.localSheetId),
        )
      : undefined;
    if (!old) return this.addDefinedNames([n]);
    this.pkg.set(this.workbookPath, splice(wb, [{ from: old.openEnd, to: old.closeStart, text: escapeText(n.text) }]));
  }

  private async addDefinedNames(names: { name: string; localSheetId: number; text: string }[]): Promise<void> {
    let wb = await this.pkg.text(this.workbookPath);
    const root = rootElement(wb);
    const p = prefix(root.name);
    const tags = names
      .map(
        (n) =>
          `<${p}definedName name="${n.name}" localSheetId="${n.localSheetId}">${escapeText(n.text)}</${p}definedName>`,
      )
      .join('');
    const dn = firstChild(wb, root, 'definedNames');
    wb = dn
      ? insertBeforeClose(wb, dn, tags)
      : insertInOrder(wb, root, 'definedNames', `<${p}definedNames>${tags}</${p}definedNames>`, WORKBOOK_ORDER);
    this.pkg.set(this.workbookPath, wb);
  }

  /** Make `name` the active, selected tab; the sheet that was active is no longer selected. */
  private async activate(name: string): Promise<void> {
    const target = this.entry(name)!;
    let wb = await this.pkg.text(this.workbookPath);
    const root = rootElement(wb);
    const views = firstChild(wb, root, 'bookViews');
    const view = views ? firstChild(wb, views, 'workbookView') : null;
    const before = view ? Number(attr(wb, view, 'activeTab') ?? 0) : 0;
    if (view) {
      wb = splice(wb, [
        { from: view.start, to: view.openEnd, text: withAttributes(wb, view, { activeTab: String(target.index) }) },
      ]);
    } else {
      const p = prefix(root.name);
      wb = insertInOrder(
        wb,
        root,
        'bookViews',
        `<${p}bookViews><${p}workbookView activeTab="${target.index}"/></${p}bookViews>`,
        WORKBOOK_ORDER,
      );
    }
    this.pkg.set(this.workbookPath, wb);
    const old = this.sheets[before];
    if (!old || old === target || !old.path || !old.isWorksheet) return;
    // A sheet not loaded is changed in its head only: its sheetData (60 MB at 200,000 lines) is never decoded.
    if (!this.sheetParts.has(old.path) && (await this.pkg.patchHead(old.path, 'sheetData', unselect))) return;
    const sheet = await this.sheet(old.name);
    sheet.top = unselect(sheet.top);
  }

  // ------------------------------------------------------------ tables

  private async allTables(): Promise<TableInfo[]> {
    if (!this.tables) {
      const all: TableInfo[] = [];
      for (const s of this.sheets) if (s.path && s.isWorksheet) all.push(...(await tablesOfSheet(this.pkg, s.path)));
      this.tables = all;
    }
    return this.tables;
  }

  private async ensureTable(e: Extract<WorkbookEdit, { kind: 'ensureTable' }>): Promise<string | null> {
    const sheet = await this.sheet(e.sheet);
    const path = this.pathOf(e.sheet);
    const all = await this.allTables();
    const sst = await this.sst();
    const named = all.find((t) => t.name.toLowerCase() === e.name.toLowerCase());
    if (e.mode === 'reuse') {
      // The table core decided to reuse was deleted since the read: say so rather than make another.
      if (!named) throw new OrderClerkError('tableNotFound', { table: e.name });
      await growTable(this.pkg, named, sheet, e.range, sst);
      return named.name;
    }
    if (named) return null; // a plan that names a taken table is refused rather than guessed at
    return (await createTable(this.pkg, path, sheet, all, e.range, e.name, sst)) ? e.name : null;
  }

  // ------------------------------------------------------------ appended rows, settings

  /** Returns true when the sheet was created. */
  private async appendRows(e: Extract<WorkbookEdit, { kind: 'appendRows' }>): Promise<boolean> {
    const created = !this.entry(e.sheet);
    const sheet = created
      ? await this.newSheet(e.sheet, emptySheetXml({ columnWidths: e.columnWidths }), 'visible')
      : await this.sheet(e.sheet);
    const writes = new Map<number, Map<number, CellWrite>>();
    let row = created ? 0 : sheet.lastUsedRow(await this.sst());
    if (row === 0) {
      // A new sheet, or an empty one (left so by an interrupted run), gets its header first.
      if (!created && !sheet.child('cols') && e.columnWidths.length)
        sheet.setChild('cols', colsXml(sheet.prefix, e.columnWidths));
      const bold = this.styles.cellXf({ bold: true });
      e.header.forEach((h, i) => put(writes, 1, i + 1, { value: h, style: () => bold }));
      row = 1;
    }
    // A styled row covers the header's width, so borders frame empty cells too.
    const width = Math.max(e.header.length, ...e.rows.map((r) => r.length));
    const rowXf = e.rowStyle ? this.styles.cellXf(e.rowStyle) : null;
    for (const values of e.rows) {
      row++;
      const count = rowXf !== null ? width : values.length;
      for (let i = 0; i < count; i++) {
        const fmt = e.columnFormats?.[i];
        const w: CellWrite = { value: values[i] ?? null };
        if (rowXf !== null) {
          const xf = fmt ? this.styles.withNumberFormat(rowXf, fmt) : rowXf;
          w.style = () => xf;
        } else if (fmt) w.style = (old) => this.styles.withNumberFormat(old ?? 0, fmt);
        put(writes, row, i + 1, w);
      }
    }
    if (row > EXCEL_LIMITS.rows) throw new Error(`sheet full: ${e.sheet}`);
    sheet.writeCells(writes);
    if (e.extendPrintArea && row > 0) {
      const area = `${quoteSheet(e.sheet)}!${absolute(`A1:${cellAddress(row, Math.max(1, e.header.length))}`)}`;
      await this.setDefinedName({ name: '_xlnm.Print_Area', localSheetId: this.entry(e.sheet)!.index, text: area });
    }
    return created;
  }

  /** Returns true when the settings sheet was created. */
  private async writeSettings(json: string): Promise<boolean> {
    const chunks = settingsChunks(json);
    const entry = this.entry(SETTINGS_SHEET);
    const writes = new Map<number, Map<number, CellWrite>>();
    chunks.forEach((c, i) => put(writes, i + 1, 1, { value: c }));
    if (!entry) {
      const sheet = await this.newSheet(SETTINGS_SHEET, emptySheetXml({}), 'veryHidden');
      sheet.writeCells(writes);
      return true;
    }
    const sheet = await this.sheet(SETTINGS_SHEET);
    const old = sheet.lastUsedRow(await this.sst());
    for (let r = chunks.length + 1; r <= old; r++) put(writes, r, 1, { value: null });
    sheet.writeCells(writes);
    if (entry.state !== 'veryHidden') await this.setSheetState(entry, 'veryHidden');
    return false;
  }

  private async setSheetState(entry: SheetEntry, state: SheetEntry['state']): Promise<void> {
    const wb = await this.pkg.text(this.workbookPath);
    const sheets = firstChild(wb, rootElement(wb), 'sheets')!;
    const el = childElements(wb, sheets).filter((s) => s.local === 'sheet')[entry.index];
    this.pkg.set(
      this.workbookPath,
      splice(wb, [{ from: el.start, to: el.openEnd, text: withAttributes(wb, el, { state }) }]),
    );
    entry.state = state;
  }

  // ------------------------------------------------------------ finish

  async finish(): Promise<void> {
    for (const [path, part] of this.sheetParts) {
      if (!this.pkg.has(path)) continue;
      if (!part.is(await this.pkg.text(path))) this.pkg.setBytes(path, part.bytes());
    }
    const styles = this.styles.result();
    if (styles !== null) {
      if (this.stylesPath) this.pkg.set(this.stylesPath, styles);
      else {
        this.stylesPath = 'xl/styles.xml';
        this.pkg.set(this.stylesPath, styles);
        await this.pkg.addOverride(this.stylesPath, CONTENT_TYPE.styles);
        await this.pkg.addRelationship(this.workbookPath, REL.styles, this.stylesPath);
      }
    }
    if (this.wantsRecalc) await this.fullCalcOnLoad();
  }

  /** Excel computes the formulas we wrote without cached results (document totals) when it opens the file. */
  private async fullCalcOnLoad(): Promise<void> {
    const wb = await this.pkg.text(this.workbookPath);
    const root = rootElement(wb);
    const calc = firstChild(wb, root, 'calcPr');
    const p = prefix(root.name);
    this.pkg.set(
      this.workbookPath,
      calc
        ? splice(wb, [{ from: calc.start, to: calc.openEnd, text: withAttributes(wb, calc, { fullCalcOnLoad: '1' }) }])
        : insertInOrder(wb, root, 'calcPr', `<${p}calcPr fullCalcOnLoad="1"/>`, WORKBOOK_ORDER),
    );
  }
}

/** The worksheet's views without tabSelected (the same text when none is selected). */
function unselect(xml: string): string {
  const sv = firstChild(xml, rootElement(xml), 'sheetViews');
  if (!sv) return xml;
  const edits = childElements(xml, sv)
    .filter((v) => v.local === 'sheetView' && ['1', 'true'].includes(attr(xml, v, 'tabSelected') ?? ''))
    .map((v) => ({ from: v.start, to: v.openEnd, text: withAttributes(xml, v, { tabSelected: null }) }));
  return splice(xml, edits);
}

function put(writes: Map<number, Map<number, CellWrite>>, row: number, col: number, w: CellWrite): void {
  let r = writes.get(row);
  if (!r) writes.set(row, (r = new Map()));
  r.set(col, w);
}

function prefix(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

function colsXml(p: string, widths: number[]): string {
  const cols = widths
    .map((w, i) => (w > 0 ? `<${p}col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  return `<${p}cols>${cols}</${p}cols>`;
}

/** "A1:J30" → "$A$1:$J$30" (print areas are absolute). */
function absolute(range: string): string {
  return range
    .split(':')
    .map((a) => {
      const { row, col } = parseCell(a);
      return `$${columnLetter(col)}$${row}`;
    })
    .join(':');
}

export type { WriteValue };
export { cellAddress };
