// Statement of account 对账单 (SPEC 12): for one customer and a period (default: the previous calendar month), every
// valid delivery of the shipments record in the period — date, DN number, order, customer PO, item, description,
// unit, quantity, unit price, amount — totalled, the amount in 大写 in Chinese sheets, and the confirmation block for
// the customer to stamp. Voided notes (in the record or in the register) are left out. Without a shipments record
// the lines come from order lines whose ship date falls in the period, and the warnings say so.
// Numbered ST-YYYYMM-NNN (the month the period ends in), registered like every document, the last number kept in
// the settings so it is never reused.

import { keyText } from '../text';
import { guessCompanyName, resolveCompany, type CompanySource } from '../company';
import { DATE_FORMAT, fromSerial1900, isoToSerial } from '../dates';
import type { WorkbookEdit } from '../edits';
import { OrderClerkError } from '../errors';
import { t } from '../i18n';
import { summariseList } from '../lists';
import { planWriteSettings, readSettings } from '../settings';
import { uniqueSheetName } from '../sheetNames';
import { readShipments } from '../shipments/record';
import { quantityFormatOf } from '../shipments/recordShipment';
import { statusMatcher } from '../status';
import type { CompanyProfile, Lang, OrderLine, Understanding, WorkbookSnapshot } from '../types';
import { amountInCapitals, currencyPrefix, MAX_CAPITALS_AMOUNT } from './capitals';
import { AMOUNT_FORMAT, PRICE_FORMAT, sheetQuantityFormat } from './context';
import { documentFont } from './font';
import { bilingual } from './labels';
import {
  FormGrid,
  putInfoBlock,
  putLetterhead,
  putNote,
  putSignatureBoxes,
  putTableHeader,
  putTableRow,
  putTitle,
  putTotalsRow,
  type InfoItem,
  type TableColumn,
  type TableValue,
} from './layout';
import { findCustomer, findProduct, lineDate, lineNumber, lineText, roundTo } from './lines';
import { planRegisterRows, readRegister, registerSheet } from './register';

export {
  STATEMENT_PREFIX,
  customerShortName,
  lastStatementSequence,
  previousMonth,
  statementNumberKey,
  statementPeriod,
} from './statementPeriod';
import { customerShortName, lastStatementSequence, statementNumberKey, statementPeriod } from './statementPeriod';

export interface StatementOptions {
  /** The customer as the clerk names it (matched width-, case- and space-insensitively). */
  customer: string;
  /** ISO dates, both inclusive; default the previous calendar month of `today`. */
  from?: string;
  to?: string;
  today: string;
  /** Document language; default settings.documentLang, else the order sheet's language. */
  lang?: Lang;
  /** Language of the warnings; default the document language. */
  uiLang?: Lang;
  /** Company name for the letterhead (CLI --company); default the profile in settings, else the title-row guess. */
  company?: string;
}

export interface StatementLine {
  /** 1900-system serial of the delivery. */
  date: number;
  /** DN number; '' for a line taken from the order sheet's ship date. */
  number: string;
  /** Order-sheet row it came from, when known. */
  row: number | null;
  orderNo: string;
  customerPo: string;
  item: string;
  description: string;
  unit: string;
  quantity: number;
  unitPrice: number | null;
  amount: number | null;
}

export interface PlannedStatement {
  edits: WorkbookEdit[];
  number: string;
  sheet: string;
  /** The customer as the statement prints it. */
  customer: string;
  from: string;
  to: string;
  /** Where the lines came from. */
  source: 'record' | 'shipDates';
  lines: StatementLine[];
  /** Quantity and amount totals; amount null when a line's amount is unknown. */
  totals: { quantity: number; amount: number | null };
  /** Notes for the clerk (UI language): voided notes left out, the fallback, missing prices, the letterhead. */
  warnings: string[];
  companySource: CompanySource | null;
  /** The letterhead's company name (null: none), for a caller that words the letterhead note its own way. */
  companyName: string | null;
}

const round2 = (x: number): number => roundTo(x, 2);

/** Lines of the shipments record for this customer in the period, valid only; and the voided DN numbers left out. */
function recordLines(
  u: Understanding,
  wb: WorkbookSnapshot,
  customerKey: string,
  from: number,
  to: number,
): { lines: StatementLine[]; voided: string[]; names: string[] } {
  const { rows } = readShipments(wb);
  const voidInRegister = new Set(
    readRegister(wb)
      .rows.filter((r) => r.state === 'void')
      .map((r) => r.number),
  );
  const byRow = new Map(u.lines.map((l) => [l.row, l]));
  const lines: StatementLine[] = [];
  const voided: string[] = [];
  const names: string[] = [];
  for (const r of rows) {
    if (keyText(r.customer) !== customerKey || r.date === null) continue;
    const day = Math.floor(r.date);
    if (day < from || day > to) continue;
    if (r.state === 'void' || voidInRegister.has(r.number)) {
      if (!voided.includes(r.number)) voided.push(r.number);
      continue;
    }
    names.push(r.customer);
    // The order line the record row came from (same row, order and item), for its description.
    const source = r.row === null ? undefined : byRow.get(r.row);
    const line =
      source &&
      keyText(lineText(source, 'orderNo')) === keyText(r.orderNo) &&
      keyText(lineText(source, 'item')) === keyText(r.item)
        ? source
        : undefined;
    const product = findProduct(u.masters, r.item);
    const amount = r.amount ?? (r.unitPrice === null ? null : round2(r.quantity * r.unitPrice));
    lines.push({
      date: day,
      number: r.number,
      row: r.row,
      orderNo: r.orderNo,
      customerPo: r.customerPo,
      item: r.item,
      description: (line ? lineText(line, 'description') : '') || product?.description || '',
      unit: r.unit,
      quantity: r.quantity,
      unitPrice: r.unitPrice,
      amount,
    });
  }
  return { lines, voided, names };
}

/** Without a record: order lines of this customer whose ship date falls in the period (cancelled lines left out). */
function shipDateLines(u: Understanding, customerKey: string, from: number, to: number): StatementLine[] {
  const kindOf = statusMatcher(u.settings);
  const out: StatementLine[] = [];
  for (const l of u.lines) {
    if (keyText(lineText(l, 'customer')) !== customerKey) continue;
    const ship = lineDate(l, 'shipDate');
    if (ship === null || Math.floor(ship) < from || Math.floor(ship) > to) continue;
    if (kindOf(lineText(l, 'status')) === 'cancelled') continue;
    const quantity = lineNumber(l, 'shippedQty') ?? lineNumber(l, 'quantity');
    if (quantity === null || quantity <= 0) continue;
    const unitPrice = lineNumber(l, 'unitPrice');
    out.push({
      date: Math.floor(ship),
      number: '',
      row: l.row,
      orderNo: lineText(l, 'orderNo'),
      customerPo: lineText(l, 'customerPo'),
      item: lineText(l, 'item'),
      description: lineText(l, 'description') || findProduct(u.masters, lineText(l, 'item'))?.description || '',
      unit: lineText(l, 'unit'),
      quantity,
      unitPrice,
      amount: unitPrice === null ? null : round2(quantity * unitPrice),
    });
  }
  return out;
}

/** Every customer name the order sheet and the record know, for the "not found" message. */
export function knownCustomers(u: Understanding, wb: WorkbookSnapshot): string[] {
  const seen = new Map<string, string>();
  const add = (name: string): void => {
    if (name !== '' && !seen.has(keyText(name))) seen.set(keyText(name), name);
  };
  u.lines.forEach((l) => add(lineText(l, 'customer')));
  readShipments(wb).rows.forEach((r) => add(r.customer));
  return Array.from(seen.values());
}

/**
 * The customer as the sheet or the record writes it, for a name the clerk typed (width, case and spaces aside).
 * Throws OrderClerkError customerNotFound naming the known customers (in `lang`).
 */
export function matchCustomer(u: Understanding, wb: WorkbookSnapshot, name: string, lang: Lang): string {
  const key = keyText(name);
  const known = knownCustomers(u, wb);
  const match = known.find((k) => keyText(k) === key);
  if (match === undefined)
    throw new OrderClerkError('customerNotFound', { customer: name, known: summariseList(known, lang) || '—' });
  return match;
}

interface Column extends TableColumn {
  cell: (l: StatementLine, i: number, dateSystem: 1900 | 1904) => TableValue;
  key: string;
}

function columnsFor(lines: StatementLine[], fromRecord: boolean, quantityFormat: string | null): Column[] {
  const nonEmpty = (pick: (l: StatementLine) => string): boolean => lines.some((l) => pick(l) !== '');
  const text = (s: string): string | null => (s === '' ? null : s);
  const cols: (Column | false)[] = [
    { key: 'lineNo', labelKey: 'doc.col.lineNo', hAlign: 'center', cell: (_l, i) => i + 1 },
    {
      key: 'date',
      labelKey: 'doc.col.shipDate',
      hAlign: 'center',
      minWidth: 11,
      cell: (l, _i, ds) => ({ value: fromSerial1900(l.date, ds), numberFormat: DATE_FORMAT }),
    },
    fromRecord && { key: 'number', labelKey: 'doc.col.dnNo', cell: (l) => text(l.number) },
    { key: 'orderNo', labelKey: 'doc.col.orderNo', cell: (l) => text(l.orderNo) },
    nonEmpty((l) => l.customerPo) && {
      key: 'customerPo',
      labelKey: 'doc.field.customerPo',
      cell: (l) => text(l.customerPo),
    },
    { key: 'item', labelKey: 'doc.col.item', cell: (l) => text(l.item) },
    { key: 'description', labelKey: 'doc.col.description', wrap: true, cell: (l) => text(l.description) },
    { key: 'unit', labelKey: 'doc.col.unit', hAlign: 'center', cell: (l) => text(l.unit) },
    {
      key: 'quantity',
      labelKey: 'doc.col.quantity',
      hAlign: 'right',
      cell: (l) => ({ value: l.quantity, numberFormat: sheetQuantityFormat(quantityFormat, l.quantity) }),
    },
    {
      key: 'unitPrice',
      labelKey: 'doc.col.unitPrice',
      hAlign: 'right',
      numberFormat: PRICE_FORMAT,
      cell: (l) => l.unitPrice,
    },
    { key: 'amount', labelKey: 'doc.col.amount', hAlign: 'right', numberFormat: AMOUNT_FORMAT, cell: (l) => l.amount },
  ];
  return cols.filter((c): c is Column => c !== false);
}

/**
 * Plan the statement: a new print-ready sheet, its register row and the last number in the settings. Throws
 * OrderClerkError customerNotFound when neither the order sheet nor the shipments record knows the customer.
 */
export function planStatement(u: Understanding, wb: WorkbookSnapshot, opts: StatementOptions): PlannedStatement {
  const lang = opts.lang ?? u.settings.documentLang ?? u.order.lang;
  const uiLang = opts.uiLang ?? lang;
  const { from, to } = statementPeriod(opts.today, opts.from, opts.to);
  const customerKey = keyText(opts.customer);
  const match = matchCustomer(u, wb, opts.customer, uiLang);
  const fromSerial = isoToSerial(from);
  const toSerial = isoToSerial(to);
  const hasRecord = readShipments(wb).sheet !== null;
  const warnings: string[] = [];
  let lines: StatementLine[];
  if (hasRecord) {
    const r = recordLines(u, wb, customerKey, fromSerial, toSerial);
    lines = r.lines;
    if (r.voided.length)
      warnings.push(t(uiLang, 'statement.warn.voidLeftOut', { numbers: r.voided.join(', '), count: r.voided.length }));
  } else {
    lines = shipDateLines(u, customerKey, fromSerial, toSerial);
    warnings.push(t(uiLang, 'statement.warn.fromShipDates', { count: lines.length }));
  }
  lines.sort((a, b) => a.date - b.date || a.number.localeCompare(b.number) || (a.row ?? 0) - (b.row ?? 0));
  if (!lines.length) warnings.push(t(uiLang, 'statement.warn.noLines', { customer: match, from, to }));

  const quantity = roundTo(
    lines.reduce((s, l) => s + l.quantity, 0),
    9,
  );
  const amount = lines.some((l) => l.amount === null) ? null : round2(lines.reduce((s, l) => s + (l.amount ?? 0), 0));
  if (amount === null) warnings.push(t(uiLang, 'doc.warn.totalAmountOpen'));

  // Currency for 大写: the order lines' currency column when the delivered rows have one.
  const byRow = new Map(u.lines.map((l) => [l.row, l]));
  const currencies = Array.from(
    new Set(
      lines
        .map((l) => (l.row === null ? undefined : byRow.get(l.row)))
        .filter((l): l is OrderLine => l !== undefined)
        .map((l) => lineText(l, 'currency'))
        .filter((c) => c !== ''),
    ),
  );
  const prefix = currencies.length > 1 ? null : currencyPrefix(currencies[0] ?? '');
  const writable = amount !== null && Math.abs(amount) <= MAX_CAPITALS_AMOUNT;
  const inWords = lang === 'zh-CN' && writable && prefix !== null ? amountInCapitals(amount, prefix) : null;
  if (lang === 'zh-CN' && amount !== null && prefix === null)
    warnings.push(t(uiLang, 'doc.warn.noCapitals', { currency: currencies.join(', ') }));

  const settings = readSettings(wb);
  const { company, source } = resolveCompany(settings, opts.company, guessCompanyName(wb, u.order));
  if (source === 'guessed' && company) warnings.unshift(t(uiLang, 'company.warn.guessed', { name: company.name }));
  if (!company) warnings.unshift(t(uiLang, 'company.warn.none'));

  const printed = findCustomer(u.masters, match)?.customer ?? match;
  const seq = lastStatementSequence(wb, to) + 1;
  const number = `${statementNumberKey(to)}-${String(seq).padStart(3, '0')}`;
  const month = from.slice(0, 7) === to.slice(0, 7) ? to.slice(0, 7) : `${from.slice(0, 7)}~${to.slice(0, 7)}`;
  const register = registerSheet(wb, lang);
  const taken = [...wb.sheets.map((s) => s.name), register.name];
  const label = t(lang, 'statement.sheet');
  const room = 31 - label.length - month.length - 2;
  const sheet = uniqueSheetName(`${label} ${customerShortName(printed).slice(0, Math.max(1, room))} ${month}`, taken);
  const todaySerial = fromSerial1900(isoToSerial(opts.today), u.dateSystem);

  const spec = buildStatementSheet({
    u,
    wb,
    lang,
    sheet,
    number,
    todaySerial,
    customer: printed,
    period: t(lang, 'statement.periodValue', { from, to }),
    lines,
    fromRecord: hasRecord,
    company,
    totals: { quantity, amount, inWords },
  });

  const edits: WorkbookEdit[] = [{ kind: 'addSheet', spec, activate: true }];
  const orderNos = summariseList(
    Array.from(new Set(lines.map((l) => l.orderNo).filter((o) => o !== ''))),
    register.lang,
  );
  edits.push(
    ...planRegisterRows(
      wb,
      register,
      [
        {
          number,
          typeLabel: t(register.lang, 'doc.title.statement'),
          dateSerial: todaySerial,
          customer: printed,
          orderNos,
          rows: t(register.lang, 'statement.periodValue', { from, to }),
          sheet,
          quantity,
          amount,
          note: hasRecord ? '' : t(register.lang, 'statement.registerNote.fromShipDates'),
        },
      ],
      company,
    ),
  );
  edits.push(
    planWriteSettings({
      ...settings,
      ...(source === 'given' && company && !settings.company ? { company } : {}),
      lastNumbers: { ...settings.lastNumbers, [statementNumberKey(to)]: seq },
    }),
  );
  return {
    edits,
    number,
    sheet,
    customer: printed,
    from,
    to,
    source: hasRecord ? 'record' : 'shipDates',
    lines,
    totals: { quantity, amount },
    warnings,
    companySource: source,
    companyName: company?.name ?? null,
  };
}

interface SheetInput {
  u: Understanding;
  wb: WorkbookSnapshot;
  lang: Lang;
  sheet: string;
  number: string;
  todaySerial: number;
  customer: string;
  period: string;
  lines: StatementLine[];
  fromRecord: boolean;
  company: CompanyProfile | null;
  totals: { quantity: number; amount: number | null; inWords: string | null };
}

/** Letterhead, title, customer block, the delivery table with totals and 大写, the confirmation and stamp boxes. */
function buildStatementSheet(x: SheetInput) {
  const { lang } = x;
  const quantityFormat = quantityFormatOf(x.wb, x.u);
  const columns = columnsFor(x.lines, x.fromRecord, quantityFormat);
  const grid = new FormGrid(columns.length);
  const titleRow = x.company ? putLetterhead(grid, x.company, lang, 1) : 1;
  putTitle(grid, titleRow, bilingual(lang, 'doc.title.statement'));
  const info = findCustomer(x.u.masters, x.customer);
  const items: InfoItem[] = [
    { labelKey: 'doc.field.number', value: x.number },
    { labelKey: 'doc.field.date', value: x.todaySerial, numberFormat: DATE_FORMAT },
    { labelKey: 'doc.field.customer', value: x.customer },
    { labelKey: 'doc.field.period', value: x.period },
    { labelKey: 'doc.field.customerAddress', value: info?.address || null, wide: true },
    { labelKey: 'doc.field.contact', value: info?.contact || null },
    { labelKey: 'doc.field.phone', value: info?.phone || null },
  ];
  const headerRow = putInfoBlock(grid, lang, titleRow + 2, items) + 1;
  putTableHeader(grid, lang, headerRow, columns);
  let row = headerRow + 1;
  if (!x.lines.length) {
    grid.merge(row, 1, columns.length, bilingual(lang, 'statement.none'), {
      border: 'thin',
      hAlign: 'center',
      vAlign: 'middle',
    });
    row++;
  }
  x.lines.forEach((l, i) => {
    putTableRow(
      grid,
      row++,
      columns,
      columns.map((c) => c.cell(l, i, x.u.dateSystem)),
    );
  });
  const at = (key: string): number => columns.findIndex((c) => c.key === key) + 1;
  putTotalsRow(grid, lang, row, columns, at('quantity') - 1, {
    [at('quantity')]: {
      value: x.totals.quantity,
      numberFormat: sheetQuantityFormat(quantityFormat, x.totals.quantity),
    },
    [at('amount')]: x.totals.amount,
  });
  row++;
  if (x.totals.inWords) {
    grid.merge(row, 1, 2, bilingual(lang, 'doc.amountInWords'), {
      bold: true,
      border: 'thin',
      vAlign: 'middle',
      wrap: true,
    });
    grid.merge(row, 3, grid.columns, x.totals.inWords, { border: 'thin', vAlign: 'middle', bold: true });
    row++;
  }
  row++;
  putNote(grid, row, bilingual(lang, 'statement.confirm', '\n'), { vAlign: 'middle', wrap: true });
  row++;
  row = putSignatureBoxes(
    grid,
    lang,
    row,
    ['doc.sign.customerConfirm', 'doc.sign.date', 'doc.sign.preparedBy'],
    [5, 2, 2],
    56,
  );
  return grid.toSheetSpec(x.sheet, 'portrait', headerRow, {
    font: documentFont(lang),
    footer: bilingual(lang, 'doc.footer.page', '    '),
  });
}
