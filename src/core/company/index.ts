// The clerk's company (SPEC 7, 9): the profile kept in settings, the name guessed from the order sheet's title row,
// and the letterhead lines every document, report and register starts with.

import { cellAddress, parseCell, parseRange, rangeAddress } from '../address';
import type { CellSpec, SheetSpec } from '../edits';
import { t } from '../i18n';
import { cellAt, findSheet } from '../snapshot';
import type { CompanyProfile, Lang, OrderSheet, Settings, WorkbookSnapshot } from '../types';

/** Words that end a company's name: 有限公司, 厂, Co., Ltd. … (longest first, so 股份有限公司 wins over 公司). */
const ZH_SUFFIX = '(?:股份有限公司|有限责任公司|有限公司|公司|集团|工厂|制品厂|厂|商行)';
const EN_SUFFIX = '(?:Co\\.,?\\s*Ltd\\.?|Company\\s+Limited|Limited|Ltd\\.?|Inc\\.?|Corporation|Corp\\.?|LLC|GmbH)';
const ZH_NAME = new RegExp(`^([^\\s\\d年月日:：]{2,40}?${ZH_SUFFIX})(?=$|[\\s\\d（(—\\-·:：,，]|[^司团厂行])`);
const EN_NAME = new RegExp(`^([A-Za-z][A-Za-z0-9&.,'\\- ]{1,60}?\\b${EN_SUFFIX})(?=$|[\\s\\-–—:,(])`, 'i');
/** A guess that still holds these is a title, not a name ("订单跟踪表公司"). */
const TITLE_WORDS = /订单|跟踪|明细|报表|计划|出货|统计|汇总|order|tracking|report|schedule/i;

/**
 * The company name in the order sheet's title rows (above the header), e.g.
 * `永兴小家电制品有限公司 2026年销售订单跟踪表` → `永兴小家电制品有限公司`; null when no title names a company.
 */
export function guessCompanyName(wb: WorkbookSnapshot, order: OrderSheet): string | null {
  const sheet = findSheet(wb, order.sheet);
  if (!sheet) return null;
  for (let r = Math.max(1, sheet.top); r < order.headerRow; r++) {
    for (let c = Math.max(1, sheet.left); c <= order.lastColumn; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v !== 'string') continue;
      const name = companyNameIn(v);
      if (name) return name;
    }
  }
  return null;
}

/** The company name a title text starts with, or null. */
export function companyNameIn(text: string): string | null {
  const s = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  for (const re of [ZH_NAME, EN_NAME]) {
    const m = re.exec(s);
    if (m && !TITLE_WORDS.test(m[1])) return m[1].trim();
  }
  return null;
}

export type CompanySource = 'settings' | 'given' | 'guessed';

/**
 * The company the documents print: the name the clerk gives (CLI `--company`, pane prompt) over the profile in
 * settings; else the profile; else the title-row guess (the caller says so); else null.
 */
export function resolveCompany(
  settings: Pick<Settings, 'company'>,
  given: string | undefined,
  guess: string | null,
): { company: CompanyProfile | null; source: CompanySource | null } {
  const name = given?.trim();
  if (name) {
    const base = settings.company && settings.company.name === name ? settings.company : undefined;
    return { company: { ...base, name }, source: 'given' };
  }
  if (settings.company?.name) return { company: settings.company, source: 'settings' };
  if (guess) return { company: { name: guess }, source: 'guessed' };
  return { company: null, source: null };
}

/** Letterhead: the name, then one line of address, phone, fax and tax number (those given), labelled in `lang`. */
export function letterheadLines(company: CompanyProfile, lang: Lang): { name: string; contact: string | null } {
  const parts: string[] = [];
  for (const k of ['address', 'phone', 'fax', 'taxNo'] as const) {
    const v = company[k];
    if (v) parts.push(`${t(lang, `company.${k}`)}${v}`);
  }
  return { name: company.name, contact: parts.length ? parts.join('    ') : null };
}

/**
 * A sheet spec with the letterhead above it (weekly report): every row moves down by the letterhead's rows, the
 * name and contact line are merged across `width` columns, in `font`.
 */
export function prependLetterhead(spec: SheetSpec, company: CompanyProfile, lang: Lang, width: number): SheetSpec {
  const head = letterheadLines(company, lang);
  const n = head.contact ? 3 : 2;
  const moveCell = (a: string): string => {
    const c = parseCell(a.replace(/\$/g, ''));
    return cellAddress(c.row + n, c.col);
  };
  const moveRange = (a: string): string => {
    const r = parseRange(a);
    return rangeAddress(r.top + n, r.left, r.bottom + n, r.right);
  };
  const cells: CellSpec[] = [
    { row: 1, col: 1, value: head.name, style: { bold: true, size: 15, hAlign: 'center', vAlign: 'middle' } },
    ...(head.contact
      ? [{ row: 2, col: 1, value: head.contact, style: { size: 9, hAlign: 'center', vAlign: 'middle' } } as CellSpec]
      : []),
    ...spec.cells.map((c) => ({ ...c, row: c.row + n })),
  ];
  const rowHeights: Record<number, number> = { 1: 24 };
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) rowHeights[Number(r) + n] = h;
  const title = spec.pageSetup.printTitleRows ? /^\$(\d+):\$(\d+)$/.exec(spec.pageSetup.printTitleRows) : null;
  return {
    ...spec,
    cells,
    merges: [
      rangeAddress(1, 1, 1, width),
      ...(head.contact ? [rangeAddress(2, 1, 2, width)] : []),
      ...spec.merges.map(moveRange),
    ],
    rowHeights,
    pageSetup: {
      ...spec.pageSetup,
      printArea: moveRange(spec.pageSetup.printArea),
      printTitleRows: title ? `$${Number(title[1]) + n}:$${Number(title[2]) + n}` : spec.pageSetup.printTitleRows,
    },
    ...(spec.freezeRows ? { freezeRows: spec.freezeRows + n } : {}),
    ...(spec.chart
      ? {
          chart: {
            ...spec.chart,
            dataRange: moveRange(spec.chart.dataRange),
            anchor: { from: moveCell(spec.chart.anchor.from), to: moveCell(spec.chart.anchor.to) },
          },
        }
      : {}),
  };
}
