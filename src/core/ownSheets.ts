// The add-in's own sheets (change log, document register) are found by name *and* header row, so rows are never
// appended to a clerk's unrelated sheet that happens to be called "Documents" or "Change log".

import { cellAt } from './snapshot';
import { uniqueSheetName } from './sheetNames';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './types';

export interface OwnSheetKind<L extends string> {
  /** The sheet's name in each language. */
  names: Record<L, string>;
  /** Its header row in each language. */
  headers: Record<L, string[]>;
  /** Header words earlier versions wrote, still recognised (a header word → its former spellings). */
  formerly?: Partial<Record<L, Record<string, string[]>>>;
}

function text(v: CellValue): string {
  return typeof v === 'string' ? v.trim() : v === null ? '' : String(v);
}

function isEmpty(s: SheetSnapshot): boolean {
  return s.values.every((r) => r.every((v) => v === null || v === ''));
}

/** Rows a header may sit in: row 1, or below a letterhead and title (the register's print layout). */
export const OWN_HEADER_ROWS = 8;

/**
 * The row holding this header (in any of the languages; its first columns are the kind's header, later columns
 * may follow), or 'empty' for an empty sheet (an interrupted first write).
 */
function looksOwn<L extends string>(
  s: SheetSnapshot,
  kind: OwnSheetKind<L>,
): { lang: L; headerRow: number } | 'empty' | null {
  if (isEmpty(s)) return 'empty';
  for (let row = 1; row <= OWN_HEADER_ROWS; row++) {
    for (const lang of Object.keys(kind.headers) as L[]) {
      const was = kind.formerly?.[lang] ?? {};
      const matches = (h: string, i: number) => {
        const v = text(cellAt(s, row, i + 1));
        return v === h || (was[h] ?? []).includes(v);
      };
      if (kind.headers[lang].every(matches)) return { lang, headerRow: row };
    }
  }
  return null;
}

/** Our existing sheet of this kind (named "Name" or "Name (n)" in any language, with our header), if any. */
export function findOwnSheet<L extends string>(
  wb: WorkbookSnapshot,
  kind: OwnSheetKind<L>,
): { sheet: SheetSnapshot; lang: L | null; headerRow: number } | undefined {
  const langs = Object.keys(kind.names) as L[];
  for (const s of wb.sheets) {
    for (const lang of langs) {
      const base = kind.names[lang].toLowerCase();
      const n = s.name.toLowerCase();
      if (n !== base && !(n.startsWith(`${base} (`) && n.endsWith(')'))) continue;
      const own = looksOwn(s, kind);
      if (own === 'empty') return { sheet: s, lang, headerRow: 1 };
      if (own !== null) return { sheet: s, lang: own.lang, headerRow: own.headerRow };
    }
  }
  return undefined;
}

/** The name to write to: our existing sheet, else a new one in `lang` that no clerk's sheet already holds. */
export function ownSheetName<L extends string>(
  wb: WorkbookSnapshot | null | undefined,
  kind: OwnSheetKind<L>,
  lang: L,
): { name: string; lang: L } {
  const found = wb ? findOwnSheet(wb, kind) : undefined;
  if (found) return { name: found.sheet.name, lang: found.lang ?? lang };
  const name = wb
    ? uniqueSheetName(
        kind.names[lang],
        wb.sheets.map((s) => s.name),
      )
    : kind.names[lang];
  return { name, lang };
}
