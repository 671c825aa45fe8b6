// The commands of SPEC 8: read the input, plan with core, carry the plan out with the package writer, write -o.

import { promises as fs } from 'fs';
import * as path from 'path';
import { columnLetter } from '../core/address';
import { checkOrder, issueCounts } from '../core/checks';
import { classifyLines, delayCounts } from '../core/delay';
import { planDocuments } from '../core/documents';
import type { WorkbookEdit } from '../core/edits';
import { OrderClerkError } from '../core/errors';
import { t } from '../core/i18n';
import { groupThousands, rowRanges, summariseList } from '../core/lists';
import { tableRefusal } from '../core/orderTable';
import { planApply } from '../core/plans';
import { planOverdueReport } from '../core/report';
import { guessCompanyName, resolveCompany } from '../core/company';
import { recordedShipped } from '../core/shipments/record';
import { outstandingReceipts, planReceipt } from '../core/shipments/receipts';
import { planVoid } from '../core/shipments/voidDocument';
import { readSettingsChecked, settingsWarnings } from '../core/settings';
import { findSheet } from '../core/snapshot';
import { DELAY_CLASSES, type Lang, type Understanding } from '../core/types';
import { missingFields, understand } from '../core/understand';
import { readSnapshot } from '../xlsx/read';
import { readInputBytes } from '../xlsx/readFile';
import type { CliOptions } from './args';
import { plan, statement, update } from './customerCommands';
import { history, importPo } from './importCommands';
import { companyNotes, done, fileLang, json, writeOutput, type CommandOutput, type Loaded } from './output';
import { textPairs, textTable } from './format';

export type { CommandOutput } from './output';

export async function runCommand(opts: CliOptions, realNow: Date): Promise<CommandOutput> {
  if (opts.output !== null) await refuseOutputIsInput(opts.file, opts.output);
  if (opts.output !== null && opts.po) await refuseOutputIsInput(opts.po, opts.output);
  const loaded = await load(opts);
  const out = await runLoaded(opts, loaded, opts.todayGiven ? atToday(opts.today, realNow) : realNow);
  // No silent answers: cells the reader left out of the order sheet (far to the right of a long sheet) are said.
  const omitted = findSheet(loaded.snapshot, loaded.u.order.sheet)?.omittedCells;
  if (omitted)
    out.warnings.unshift(
      t(opts.lang, 'cli.warn.omittedCells', {
        sheet: loaded.u.order.sheet,
        count: omitted.count,
        column: omitted.beyondColumn,
      }),
    );
  // Settings are input from anyone (issue 16.2): each field ignored is named, first.
  out.warnings.unshift(...settingsWarnings(readSettingsChecked(loaded.snapshot), opts.lang));
  return out;
}

async function runLoaded(opts: CliOptions, loaded: Loaded, now: Date): Promise<CommandOutput> {
  switch (opts.command) {
    case 'inspect':
      return inspect(opts, loaded);
    case 'validate':
      return validate(opts, loaded);
    case 'flag':
      return flag(opts, loaded);
    case 'report':
      return report(opts, loaded);
    case 'apply':
      return apply(opts, loaded, now);
    case 'generate':
      return generate(opts, loaded, now);
    case 'void':
      return voidDocument(opts, loaded, now);
    case 'receipts':
      return receipts(opts, loaded);
    case 'receipt':
      return receipt(opts, loaded, now);
    case 'import':
      return importPo(opts, loaded, now);
    case 'history':
      return history(opts, loaded);
    case 'statement':
      return statement(opts, loaded);
    case 'update':
      return update(opts, loaded);
    case 'plan':
      return plan(opts, loaded);
  }
}

/** --today moves the date, not the time of day (change-log times). */
function atToday(today: string, real: Date): Date {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(y, m - 1, d, real.getHours(), real.getMinutes(), real.getSeconds());
}

// ---------------------------------------------------------------- files

async function refuseOutputIsInput(input: string, output: string): Promise<void> {
  if (await samePath(input, output)) throw new OrderClerkError('outputIsInput', { file: output });
}

/** Same file by path, by resolved links, or by inode (a hard link). */
async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const real = async (p: string) => {
    const dir = await fs.realpath(path.dirname(path.resolve(p))).catch(() => path.dirname(path.resolve(p)));
    return fs.realpath(path.join(dir, path.basename(p))).catch(() => path.join(dir, path.basename(p)));
  };
  if ((await real(a)) === (await real(b))) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.ino === sb.ino && sa.dev === sb.dev;
}

async function load(opts: CliOptions): Promise<Loaded> {
  // Only a regular file is read; the streaming reader names whatever is not a workbook it can read.
  const bytes = await readInputBytes(opts.file);
  // apply rewrites the order sheet: the sheets' inflated bytes are kept from the read rather than inflated again
  // (the other commands write new sheets, and would only hold the memory).
  const inflated = opts.command === 'apply' ? new Map<string, Uint8Array>() : undefined;
  const snapshot = readSnapshot(bytes, opts.file, { keepSheets: inflated });
  const u = understand(snapshot, { sheet: opts.sheet, today: opts.today });
  return { bytes, snapshot, u, inflated };
}

// ---------------------------------------------------------------- inspect

export function inspectJson(u: Understanding) {
  const o = u.order;
  const columns: Record<string, string> = {};
  for (const [field, col] of Object.entries(o.columns)) if (col !== undefined) columns[field] = columnLetter(col);
  return {
    sheet: o.sheet,
    headerRow: o.headerRow,
    dataRows: { first: o.dataRows[0] ?? o.firstDataRow, last: o.lastDataRow, count: o.dataRows.length },
    columns,
    // Columns found from their content, not their words (SPEC 3).
    inferred: Object.fromEntries(
      Object.entries(o.inferred ?? {}).map(([f, col]) => [f, columnLetter(col as number)]),
    ) as Record<string, string>,
    missing: missingFields(o),
    unmapped: o.headers
      .filter((h) => h.field === null)
      .map((h) => ({ column: columnLetter(h.column), header: h.header })),
    skippedRows: o.skippedRows.map((s) => ({ row: s.row, reason: s.reason })),
    masters: { products: o.masters.products, customers: o.masters.customers },
  };
}

function inspect(opts: CliOptions, { u }: Loaded): CommandOutput {
  const j = inspectJson(u);
  if (opts.json) return done(json(j));
  const L = opts.lang;
  const none = t(L, 'cli.label.none');
  const head = textPairs([
    [t(L, 'cli.label.sheet'), j.sheet],
    [t(L, 'cli.label.headerRow'), String(j.headerRow)],
    [t(L, 'cli.label.dataRows'), t(L, 'cli.label.dataRowsValue', j.dataRows)],
    [t(L, 'cli.label.skippedRows'), j.skippedRows.length ? skippedRowsText(j.skippedRows, L) : none],
    [t(L, 'cli.label.productMaster'), j.masters.products ?? none],
    [t(L, 'cli.label.customerMaster'), j.masters.customers ?? none],
  ]);
  const cols = textTable([
    [t(L, 'cli.label.column'), t(L, 'cli.label.header'), t(L, 'cli.label.field')],
    ...u.order.headers.map((h) => [
      columnLetter(h.column),
      h.header,
      h.field ? `${h.field} (${t(L, `checks.field.${h.field}`)})` : t(L, 'cli.label.unmapped'),
    ]),
  ]);
  return done(`${head}\n\n${t(L, 'cli.label.columns')}:\n${cols}`);
}

/** Skipped rows on one line: runs of the same reason as ranges, a long list summarised ("9 (blank), 17–1,048,575 (blank)"). */
export function skippedRowsText(rows: { row: number; reason: string }[], L: Lang): string {
  const groups: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].reason === rows[i].reason && rows[j + 1].row === rows[j].row + 1) j++;
    const span =
      i === j ? groupThousands(rows[i].row) : `${groupThousands(rows[i].row)}–${groupThousands(rows[j].row)}`;
    groups.push(`${span} (${t(L, `pane.skip.${rows[i].reason}`)})`);
    i = j + 1;
  }
  return summariseList(groups, L);
}

// ---------------------------------------------------------------- validate

function validate(opts: CliOptions, { u }: Loaded): CommandOutput {
  const issues = checkOrder(u, { lang: opts.lang });
  const counts = issueCounts(issues);
  const exitCode = counts.error > 0 ? 1 : 0;
  if (opts.json) return done(json({ sheet: u.order.sheet, rowsChecked: u.lines.length, issues, counts }), exitCode);
  const L = opts.lang;
  const summary = issues.length
    ? t(L, 'cli.validate.summary', { rows: u.lines.length, ...counts })
    : t(L, 'cli.validate.clean', { rows: u.lines.length });
  if (!issues.length) return done(summary, exitCode);
  const table = textTable([
    [t(L, 'cli.label.cell'), t(L, 'cli.label.severity'), t(L, 'cli.label.message')],
    ...issues.map((i) => [i.cell, t(L, `cli.severity.${i.severity}`), i.message]),
  ]);
  return done(`${u.order.sheet}\n${table}\n\n${summary}`, exitCode);
}

// ---------------------------------------------------------------- flag

function flag(opts: CliOptions, { u, snapshot }: Loaded): CommandOutput {
  // Without a shipped column, shipped quantities come from the shipments record (SPEC 11).
  const rows = classifyLines(u, opts.today, { recorded: recordedShipped(u, snapshot) });
  const counts = delayCounts(rows);
  const dueSoonDays = u.settings.dueSoonDays;
  const missing = missingFields(u.order);
  const warnings = missingWarnings(opts.lang, missing);
  if (opts.json) return done(json({ today: opts.today, dueSoonDays, rows, counts, missing }), 0, warnings);
  const L = opts.lang;
  const table = textTable([
    [t(L, 'cli.label.row'), t(L, 'cli.label.class'), t(L, 'cli.label.daysLate'), t(L, 'cli.label.openQty')],
    ...rows.map((r) => [r.row, t(L, `delay.class.${r.class}`), r.daysLate, r.openQty]),
  ]);
  const tally = DELAY_CLASSES.map((c) => `${t(L, `delay.class.${c}`)} ${counts[c]}`).join(' · ');
  return done(
    `${t(L, 'cli.flag.summary', { today: opts.today, days: dueSoonDays })}\n${table}\n\n${tally}`,
    0,
    warnings,
  );
}

/** Never a silent all-clear (SPEC 3): one warning per essential field no column holds. */
function missingWarnings(lang: Lang, missing: string[]): string[] {
  return missing.map((f) => t(lang, 'checks.warn.columnMissing', { field: t(lang, `checks.field.${f}`) }));
}

// ---------------------------------------------------------------- report

async function report(opts: CliOptions, loaded: Loaded): Promise<CommandOutput> {
  const { u, snapshot } = loaded;
  const lang = fileLang(opts, u);
  const { company, source } = resolveCompany(u.settings, opts.company, guessCompanyName(snapshot, u.order));
  const r = planOverdueReport(u, snapshot, { today: opts.today, lang, company });
  const written = await writeOutput(opts, loaded, r.edits);
  const notes = [
    ...missingWarnings(opts.lang, missingFields(u.order)),
    ...companyNotes(opts.lang, company?.name ?? null, source),
    ...r.warnings,
    ...written.limits,
  ];
  const overdue = r.overdue.map((l) => ({
    row: l.row,
    orderNo: l.orderNo,
    customer: l.customer,
    item: l.item,
    dueDate: l.dueDate,
    daysLate: l.daysLate,
    openQty: l.openQty,
  }));
  if (opts.json) return done(json({ today: r.today, sheet: r.sheet, counts: r.counts, overdue }), 0, notes);
  const L = opts.lang;
  const table = textTable([
    [
      t(L, 'cli.label.row'),
      t(L, 'cli.label.orderNo'),
      t(L, 'cli.label.customer'),
      t(L, 'cli.label.item'),
      t(L, 'cli.label.dueDate'),
      t(L, 'cli.label.daysLate'),
      t(L, 'cli.label.openQty'),
    ],
    ...overdue.map((l) => [l.row, l.orderNo, l.customer, l.item, l.dueDate, l.daysLate, l.openQty]),
  ]);
  const line = t(L, 'cli.report.done', { sheet: r.sheet, file: opts.output as string, overdue: overdue.length });
  return done(overdue.length ? `${line}\n${table}` : line, 0, notes);
}

// ---------------------------------------------------------------- apply

/** How many validation and flag rules a plan sets. */
export function ruleCounts(edits: WorkbookEdit[]): { dataValidation: number; conditionalFormats: number } {
  let dataValidation = 0;
  let conditionalFormats = 0;
  for (const e of edits) {
    if (e.kind === 'setDataValidation') dataValidation += e.rules.length;
    if (e.kind === 'setConditionalFormats') conditionalFormats += e.rules.length;
  }
  return { dataValidation, conditionalFormats };
}

async function apply(opts: CliOptions, loaded: Loaded, now: Date): Promise<CommandOutput> {
  const { u, snapshot } = loaded;
  const sheet = findSheet(snapshot, u.order.sheet);
  if (sheet?.protected) throw new OrderClerkError('sheetProtected', { sheet: u.order.sheet });
  const { edits, fixed, tableSkipped, log } = planApply(u, {
    lang: fileLang(opts, u),
    fix: opts.fix,
    now,
    wb: snapshot,
  });
  const result = await writeOutput(opts, loaded, edits);
  const rules = ruleCounts(edits);
  // The table's refusal in the message language (the plan's words follow the file's language).
  const skipped = [
    ...result.limits,
    ...(tableSkipped ? [(tableRefusal(u, snapshot, opts.lang) ?? tableSkipped).messageIn(opts.lang)] : []),
  ];
  if (opts.json) return done(json({ sheet: u.order.sheet, table: result.table, rules, fixed }), 0, skipped);
  const L = opts.lang;
  const params = {
    file: opts.output as string,
    table: result.table ?? '',
    validation: rules.dataValidation,
    flags: rules.conditionalFormats,
  };
  let text = t(L, result.table ? 'cli.apply.done' : 'cli.apply.noTable', params);
  if (fixed.length) {
    const table = textTable([
      [t(L, 'cli.label.cell'), t(L, 'cli.label.old'), t(L, 'cli.label.new')],
      ...fixed.map((f) => [f.cell, String(f.old ?? ''), String(f.new)]),
    ]);
    text += `\n${t(L, 'cli.apply.fixed', { count: fixed.length, log: log ?? '' })}\n${table}`;
  }
  return done(text, 0, skipped);
}

// ---------------------------------------------------------------- generate

async function generate(opts: CliOptions, loaded: Loaded, now: Date): Promise<CommandOutput> {
  const { u, snapshot } = loaded;
  const exportFields = {
    ...(opts.invoiceNo ? { invoiceNo: opts.invoiceNo } : {}),
    ...(opts.portOfLoading ? { portOfLoading: opts.portOfLoading } : {}),
    ...(opts.portOfDestination ? { portOfDestination: opts.portOfDestination } : {}),
  };
  const planned = planDocuments(u, snapshot, {
    type: opts.doc!,
    rows: opts.rows,
    today: opts.today,
    ...(opts.langGiven ? { lang: opts.lang } : {}),
    uiLang: opts.lang,
    withoutPrices: opts.withoutPrices,
    perCustomer: opts.perCustomer,
    ship: opts.ship,
    force: opts.force,
    openOnly: opts.openOnly,
    remarks: opts.remarks,
    copies: opts.copies,
    company: opts.company,
    record: opts.record,
    addShippedColumn: opts.addShippedColumn,
    exportFields,
    now,
  });
  const { limits } = await writeOutput(opts, loaded, planned.edits);
  const documents = planned.documents.map((d) => ({
    type: d.type,
    number: d.number,
    sheet: d.sheet,
    rows: d.rows,
    customer: d.customer,
    lines: d.lines,
    totals: d.totals,
  }));
  const warnings = [...planned.warnings, ...planned.documents.flatMap((d) => d.warnings), ...limits];
  if (opts.json) return done(json({ documents, recorded: planned.recorded }), 0, warnings);
  const L = opts.lang;
  const lines = planned.documents.map((d) =>
    t(L, 'cli.generate.document', {
      type: t(L, `doc.title.${d.type}`),
      number: d.number,
      sheet: d.sheet,
      customer: d.customer,
      rows: summariseList(rowRanges(d.rows), L),
      quantity: d.totals.quantity,
    }),
  );
  const recorded = planned.recorded.map((r) =>
    t(L, r.cell ? 'cli.generate.recorded' : 'cli.generate.recordedOnly', {
      row: r.row,
      before: r.shippedBefore,
      after: r.shippedAfter,
      cell: r.cell ?? '',
    }),
  );
  return done(
    [t(L, 'cli.generate.done', { file: opts.output as string }), ...[...lines, ...recorded].map((l) => `  ${l}`)].join(
      '\n',
    ),
    0,
    warnings,
  );
}

// ---------------------------------------------------------------- void, receipts, receipt

async function voidDocument(opts: CliOptions, loaded: Loaded, now: Date): Promise<CommandOutput> {
  const { u, snapshot } = loaded;
  const v = planVoid(u, snapshot, { number: opts.docNumber!, today: opts.today, now, lang: fileLang(opts, u) });
  await writeOutput(opts, loaded, v.edits);
  const warnings = v.notes.map((n) => t(opts.lang, n.key, n.params));
  if (opts.json) return done(json({ number: v.number, state: 'void', reversed: v.reversed }), 0, warnings);
  const L = opts.lang;
  const lines = v.reversed.map(
    (r) => `  ${t(L, 'cli.void.reversed', { row: r.row, before: r.shippedBefore, after: r.shippedAfter })}`,
  );
  return done(
    [t(L, 'cli.void.done', { number: v.number, file: opts.output as string }), ...lines].join('\n'),
    0,
    warnings,
  );
}

function receipts(opts: CliOptions, { u, snapshot }: Loaded): CommandOutput {
  const days = opts.days ?? u.settings.receiptDays;
  const r = outstandingReceipts(snapshot, opts.today, days);
  const outstanding = r.outstanding.map(({ number, date, customer, daysOut }) => ({ number, date, customer, daysOut }));
  if (opts.json) return done(json({ today: opts.today, outstanding, returned: r.returned }));
  const L = opts.lang;
  const head = t(L, outstanding.length ? 'cli.receipts.summary' : 'cli.receipts.none', {
    count: outstanding.length,
    days,
    returned: r.returned,
  });
  if (!outstanding.length) return done(head);
  const table = textTable([
    [t(L, 'cli.label.customer'), t(L, 'cli.label.number'), t(L, 'cli.label.date'), t(L, 'cli.label.daysOut')],
    ...outstanding.map((o) => [o.customer, o.number, o.date, o.daysOut]),
  ]);
  return done(`${head}\n${table}`);
}

async function receipt(opts: CliOptions, loaded: Loaded, now: Date): Promise<CommandOutput> {
  const { u, snapshot } = loaded;
  const r = planReceipt(snapshot, {
    number: opts.docNumber!,
    date: opts.receiptDate!,
    note: opts.note,
    now,
    lang: fileLang(opts, u),
  });
  await writeOutput(opts, loaded, r.edits);
  if (opts.json) return done(json({ number: r.number, receiptDate: r.receiptDate }));
  return done(t(opts.lang, 'cli.receipt.done', { number: r.number, date: r.receiptDate, file: opts.output as string }));
}
