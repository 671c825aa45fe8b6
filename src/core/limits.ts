// Excel's limits ("Excel specifications and limits", Microsoft Support) in one table, and the few helpers that keep
// everything we write inside them. Both adapters and every builder read them from here.

import { cellAddress } from './address';
import type { WorkbookEdit, WriteValue } from './edits';

export const EXCEL_LIMITS = {
  /** Characters a cell can hold. */
  cellChars: 32767,
  /** Characters in a sheet name. */
  sheetNameChars: 31,
  /** Rows of a worksheet. */
  rows: 1048576,
  /** Columns of a worksheet (A..XFD). */
  columns: 16384,
  /** Characters of a data-validation list typed into the rule (the quoted "a,b,c" formula). */
  validationListChars: 255,
  /** Characters of a formula. */
  formulaChars: 8192,
  /** Characters of a table (or defined) name. */
  nameChars: 255,
} as const;

export const MAX_ROWS = EXCEL_LIMITS.rows;
export const MAX_COLUMNS = EXCEL_LIMITS.columns;

const ELLIPSIS = '…';

/** Text over a cell's 32,767 characters, cut to fit with an ellipsis (text that fits is returned as it is). */
export function cutCellText(text: string): string {
  if (text.length <= EXCEL_LIMITS.cellChars) return text;
  let cut = EXCEL_LIMITS.cellChars - ELLIPSIS.length;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + ELLIPSIS;
}

/** A number a cell can hold: NaN and ±Infinity are not (the cell is left empty instead). */
export function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** Whether a data-validation list fits in the rule (Excel refuses a longer typed list). */
export function validationListFits(values: string[]): boolean {
  return `"${values.join(',')}"`.length <= EXCEL_LIMITS.validationListChars + 2;
}

/** Whether a sheet name fits Excel's rules on length and characters. */
export function sheetNameFits(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= EXCEL_LIMITS.sheetNameChars &&
    !/[\\/?*[\]:]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

/** A cell an edit writes, for the warning that names it. */
export interface LimitedCell {
  /** Sheet and cell written, e.g. "周报!F12". */
  target: string;
  /**
   * What happened: "truncated" (text cut), "notFinite" (a NaN or infinite number left empty), "formulaTooLong" (a
   * formula or conditional-format rule over 8,192 characters not written), "listTooLong" (a validation list over
   * 255 characters not written).
   */
  what: 'truncated' | 'notFinite' | 'formulaTooLong' | 'listTooLong';
}

/** Whether a value is within the limits as it is (checked before anything is made: a report writes 800,000). */
function valueFits(v: WriteValue | undefined): boolean {
  return typeof v === 'string' ? v.length <= EXCEL_LIMITS.cellChars : typeof v !== 'number' || Number.isFinite(v);
}

/** Whether Excel accepts a formula: 8,192 characters, counting the "=" it is written with. */
function formulaFits(formula: string): boolean {
  return formula.length + 1 <= EXCEL_LIMITS.formulaChars;
}

function fitValue(v: WriteValue | undefined): { value: WriteValue | undefined; what: LimitedCell['what'] | null } {
  if (valueFits(v)) return { value: v, what: null };
  if (typeof v === 'string') return { value: cutCellText(v), what: 'truncated' };
  return { value: null, what: 'notFinite' };
}

/**
 * The plan with every written value inside Excel's limits: text over 32,767 characters cut with an ellipsis, NaN
 * and ±Infinity left empty. The last line of defence for both adapters; builders that copy a clerk's text should
 * cut it themselves so the warning can name the source cell. Returns the same plan object when nothing changed.
 */
export function fitEditsToExcel(edits: WorkbookEdit[]): { edits: WorkbookEdit[]; limited: LimitedCell[] } {
  const limited: LimitedCell[] = [];
  const note = (sheet: string, cell: string, what: LimitedCell['what'] | null) => {
    if (what) limited.push({ target: `${sheet}!${cell}`, what });
  };
  const out = edits.map((e): WorkbookEdit => {
    switch (e.kind) {
      case 'setValues': {
        let changed = false;
        const cells = e.cells.map((c) => {
          const f = fitValue(c.value);
          if (!f.what) return c;
          changed = true;
          note(e.sheet, c.address, f.what);
          return { ...c, value: f.value ?? null };
        });
        return changed ? { ...e, cells } : e;
      }
      case 'setConditionalFormats': {
        const rules = e.rules.filter((r) => formulaFits(r.formula));
        if (rules.length === e.rules.length) return e;
        note(e.sheet, e.ranges.join(' '), 'formulaTooLong');
        return { ...e, rules };
      }
      case 'setDataValidation': {
        const rules = e.rules.filter((r) => r.rule.kind !== 'list' || validationListFits(r.rule.values));
        if (rules.length === e.rules.length) return e;
        for (const r of e.rules) if (!rules.includes(r)) note(e.sheet, r.range, 'listTooLong');
        return { ...e, rules };
      }
      case 'addSheet': {
        const fits = (c: (typeof e.spec.cells)[number]): boolean =>
          c.formula !== undefined ? formulaFits(c.formula) : valueFits(c.value);
        if (e.spec.cells.every(fits)) return e;
        let changed = false;
        const cells = e.spec.cells.map((c) => {
          if (c.formula !== undefined) {
            if (formulaFits(c.formula)) return c;
            changed = true;
            note(e.spec.name, columnA1(c.row, c.col), 'formulaTooLong');
            return { row: c.row, col: c.col, value: null, ...(c.style ? { style: c.style } : {}) };
          }
          const f = fitValue(c.value);
          if (!f.what) return c;
          changed = true;
          note(e.spec.name, columnA1(c.row, c.col), f.what);
          return { ...c, value: f.value };
        });
        return changed ? { ...e, spec: { ...e.spec, cells } } : e;
      }
      case 'appendRows': {
        let changed = false;
        const rows = e.rows.map((r, i) =>
          r.map((v, j) => {
            const f = fitValue(v);
            if (!f.what) return v;
            changed = true;
            note(e.sheet, `+${i + 1}:${columnA1(1, j + 1).replace(/\d+$/, '')}`, f.what);
            return f.value ?? null;
          }),
        );
        return changed ? { ...e, rows } : e;
      }
      default:
        return e;
    }
  });
  return { edits: limited.length ? out : edits, limited };
}

function columnA1(row: number, col: number): string {
  return cellAddress(row, col);
}
