// Cells, appended rows and data validation in Excel, as units: single cells (fixes, undo) with their number
// formats, rows appended below a sheet's last used row (with its header on a new or emptied sheet), and validation
// rules with their prompt and error alert.

import { rangeAddress } from '../core/address';
import type { ValidationRule, ValidationSpec, WorkbookEdit, WriteValue } from '../core/edits';
import type { Changes } from './changes';
import { gridBytes, jsonBytes, utf8Length } from './chunks';
import { toExcelLiteral } from './literal';
import { applyStyle, queueColumnWidths } from './applySheet';
import { CALL_BYTES, RANGE_BYTES, SET_BYTES, UNIT_BYTES, sliceRows, type Unit } from './units';

/** Excel limits: validation prompt/alert title 32 characters, message 255. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

/** Single cells (fixes, undo), in units that stay under the budget; Text cells get no quote prefix. */
export function pushCellWrites(
  units: Unit[],
  budget: number,
  sheetName: string,
  cells: { address: string; value: WriteValue; numberFormat?: string; formulaFrom?: string; formatFrom?: string }[],
  formatOf: (sheet: string, address: string) => string | null,
  sheet: (n: string) => Excel.Worksheet,
): void {
  let batch: typeof cells = [];
  let bytes = 0;
  const flush = () => {
    if (!batch.length) return;
    const these = batch;
    units.push({
      bytes,
      queue: () => {
        const ws = sheet(sheetName);
        for (const c of these) {
          const r = ws.getRange(c.address);
          // A new order line: the last line's formats, then its formula continued (Range.copyFrom, ExcelApi 1.9:
          // "Copies cell data or formatting from the source range"; RangeCopyType "Formulas" copies the formulas,
          // adjusting relative references as a paste does).
          // The source is a Range of the same sheet, not an address string (the reference does not say which sheet a
          // bare address means, so none is left to chance).
          if (c.formatFrom !== undefined) r.copyFrom(ws.getRange(c.formatFrom), 'Formats' as Excel.RangeCopyType);
          if (c.numberFormat !== undefined) r.numberFormat = [[c.numberFormat]];
          if (c.formulaFrom !== undefined) {
            r.copyFrom(ws.getRange(c.formulaFrom), 'Formulas' as Excel.RangeCopyType);
            continue;
          }
          const format = c.numberFormat ?? formatOf(sheetName, c.formatFrom ?? c.address);
          r.values = [[toExcelLiteral(c.value, format)]];
        }
      },
    });
    batch = [];
    bytes = 0;
  };
  for (const c of cells) {
    const cost =
      RANGE_BYTES +
      SET_BYTES +
      jsonBytes(c.value) +
      (c.numberFormat !== undefined ? SET_BYTES + jsonBytes(c.numberFormat) : 0) +
      (c.formatFrom !== undefined ? RANGE_BYTES + SET_BYTES + utf8Length(c.formatFrom) : 0) +
      (c.formulaFrom !== undefined ? RANGE_BYTES + SET_BYTES + utf8Length(c.formulaFrom) : 0) +
      utf8Length(c.address);
    if (batch.length && bytes + cost > Math.min(budget / 2, UNIT_BYTES)) flush();
    batch.push(c);
    bytes += cost;
  }
  flush();
}

export interface AppendTarget {
  writeHeader: boolean;
  nextRowOfNewSheet: Map<string, number>;
  sheet: (n: string) => Excel.Worksheet;
  changed: Changes;
}

/** Header (for a new or emptied sheet) and rows below the last used row, in slices under the budget. */
export function pushAppendRows(
  units: Unit[],
  budget: number,
  e: Extract<WorkbookEdit, { kind: 'appendRows' }>,
  name: string,
  t: AppendTarget,
): void {
  const width = Math.max(e.header.length, ...e.rows.map((r) => r.length), 1);
  // Our rows are written with known formats (the column's, else General), so the quote prefix always means text.
  const formatAt = (j: number) => e.columnFormats?.[j] ?? 'General';
  const pad = (r: WriteValue[]) => Array.from({ length: width }, (_, j) => toExcelLiteral(r[j] ?? null, formatAt(j)));
  const key = e.sheet.toLowerCase();
  if (t.writeHeader) {
    const head = [pad(e.header)];
    units.push({
      bytes: CALL_BYTES + gridBytes(head) + e.columnWidths.length * (RANGE_BYTES + SET_BYTES),
      queue: () => {
        const ws = t.sheet(name);
        const r = ws.getRange(rangeAddress(1, 1, 1, width));
        r.numberFormat = [head[0].map((_, j) => formatAt(j))];
        r.values = head;
        r.format.font.bold = true;
        queueColumnWidths(ws, e.columnWidths);
      },
    });
    t.changed.cells(name, [rangeAddress(1, 1, 1, width)]);
    t.nextRowOfNewSheet.set(key, 2);
  }
  if (e.rows.length === 0) return;
  const first = t.nextRowOfNewSheet.get(key) ?? 2;
  const rows = e.rows.map(pad);
  const formats = rows.map((r) => r.map((_, j) => formatAt(j)));
  for (const [a, b] of sliceRows(rows, formats, Math.min(budget / 2, UNIT_BYTES))) {
    const top = first + a;
    units.push({
      bytes: CALL_BYTES + gridBytes(rows.slice(a, b)) + gridBytes(formats.slice(a, b)),
      queue: () => {
        const r = t.sheet(name).getRange(rangeAddress(top, 1, first + b - 1, width));
        r.numberFormat = formats.slice(a, b);
        r.values = rows.slice(a, b);
      },
    });
  }
  const last = first + rows.length - 1;
  if (e.rowStyle) {
    const style = e.rowStyle;
    units.push({
      bytes: RANGE_BYTES + 8 * SET_BYTES,
      queue: () => applyStyle(t.sheet(name).getRange(rangeAddress(first, 1, last, width)).format, style),
    });
  }
  if (e.extendPrintArea) {
    const area = rangeAddress(1, 1, last, Math.max(1, e.header.length));
    units.push({ bytes: CALL_BYTES + utf8Length(area), queue: () => t.sheet(name).pageLayout.setPrintArea(area) });
  }
  t.changed.cells(name, [rangeAddress(first, 1, last, width)]);
  t.nextRowOfNewSheet.set(key, first + rows.length);
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'decimal':
      return {
        decimal: {
          formula1: rule.value,
          operator: rule.operator === 'greaterThan' ? 'GreaterThan' : 'GreaterThanOrEqualTo',
        },
      };
    case 'date': {
      // DATE() keeps the bounds independent of the host's locale date format.
      const [a, b] = rule.between.map((iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        return `=DATE(${y},${m},${d})`;
      });
      return { date: { formula1: a, formula2: b, operator: 'Between' } };
    }
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
  }
}

export function setValidation(dv: Excel.DataValidation, spec: ValidationSpec): void {
  dv.clear();
  dv.rule = validationRule(spec.rule);
  dv.prompt = { showPrompt: true, title: clip(spec.prompt.title, 32), message: clip(spec.prompt.message, 255) };
  dv.errorAlert = {
    showAlert: true,
    // DataValidationAlertStyle: "Stop" (the default) or "Warning", which asks and then keeps the value (ExcelApi 1.8).
    style: spec.errorAlert.style === 'warning' ? 'Warning' : 'Stop',
    title: clip(spec.errorAlert.title, 32),
    message: clip(spec.errorAlert.message, 255),
  };
}
