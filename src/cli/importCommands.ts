// The PO commands of SPEC 15: import a customer's PO into the order sheet, and an order line's change history.

import { actionWord, changeLogSheetName, findChangeLogSheet } from '../core/changelog';
import { OrderClerkError } from '../core/errors';
import { fieldNameList } from '../core/glossary';
import { t } from '../core/i18n';
import { orderHistory } from '../core/po/history';
import { planImport } from '../core/po/importPo';
import { readPurchaseOrder } from '../core/po/readPo';
import { findSheet } from '../core/snapshot';
import { readSnapshot } from '../xlsx/read';
import { readInputBytes } from '../xlsx/readFile';
import type { CliOptions } from './args';
import { textTable } from './format';
import { done, fileLang, json, writeOutput, type CommandOutput, type Loaded } from './output';

export async function importPo(opts: CliOptions, loaded: Loaded, now: Date): Promise<CommandOutput> {
  const { u, snapshot } = loaded;
  if (findSheet(snapshot, u.order.sheet)?.protected)
    throw new OrderClerkError('sheetProtected', { sheet: u.order.sheet });
  const poFile = opts.po as string;
  const poWb = readSnapshot(await readInputBytes(poFile), poFile);
  const po = readPurchaseOrder(poWb, { sheet: opts.poSheet, today: opts.today });
  const p = planImport(u, snapshot, po, {
    lang: fileLang(opts, u),
    now,
    today: opts.today,
    applyChanges: opts.applyChanges,
  });
  const { limits } = await writeOutput(opts, loaded, p.edits);
  const L = opts.lang;
  const warnings: string[] = [];
  if (p.notMapped.length)
    warnings.push(
      t(L, 'cli.import.notMapped', {
        fields: fieldNameList(L, p.notMapped),
      }),
    );
  if (p.formulaKept.length)
    warnings.push(
      t(L, 'cli.import.formulaKept', {
        fields: fieldNameList(L, p.formulaKept),
      }),
    );
  for (const s of p.skipped) warnings.push(t(L, `cli.import.skipped.${s.reason}`, { row: s.poRow, sheet: po.sheet }));
  for (const d of p.dropped)
    warnings.push(t(L, 'cli.import.dropped', { row: d.row, orderNo: d.orderNo, item: d.item }));
  const pending = p.changed.filter((c) => !c.applied);
  if (pending.length && !opts.applyChanges) warnings.push(t(L, 'cli.import.applyHint', { log: p.log }));
  for (const c of p.changed.filter((c) => c.reason === 'formula'))
    warnings.push(t(L, 'cli.import.formulaCell', { cell: c.cell }));
  warnings.push(...limits);
  const issues = p.issues;
  if (opts.json)
    return done(
      json({
        po: p.po,
        mapping: p.mapping,
        added: p.added.map(({ row, orderNo, item, quantity, dueDate }) => ({ row, orderNo, item, quantity, dueDate })),
        changed: p.changed.map(({ row, cell, orderNo, item, field, old, new: n, applied }) => ({
          row,
          cell,
          orderNo,
          item,
          field,
          old,
          new: n,
          applied,
        })),
        dropped: p.dropped,
        unchanged: p.unchanged,
        issues,
      }),
      0,
      warnings,
    );
  const out: string[] = [
    t(L, 'cli.import.done', {
      po: p.po.orderNo ?? '—',
      customer: p.po.customer ?? '—',
      file: opts.output as string,
    }),
    `  ${t(L, 'cli.import.counts', { added: p.added.length, changed: p.changed.length, dropped: p.dropped.length, unchanged: p.unchanged })}`,
  ];
  if (p.added.length)
    out.push(
      textTable([
        [
          t(L, 'cli.label.row'),
          t(L, 'cli.label.orderNo'),
          t(L, 'cli.label.item'),
          t(L, 'cli.label.quantity'),
          t(L, 'cli.label.dueDate'),
        ],
        ...p.added.map((a) => [a.row, a.orderNo, a.item, a.quantity ?? '', a.dueDate ?? '']),
      ]),
    );
  if (p.changed.length)
    out.push(
      `${t(L, 'cli.import.changes')}\n` +
        textTable([
          [
            t(L, 'cli.label.cell'),
            t(L, 'cli.label.orderNo'),
            t(L, 'cli.label.item'),
            t(L, 'cli.label.field'),
            t(L, 'cli.label.old'),
            t(L, 'cli.label.new'),
            t(L, 'cli.label.applied'),
          ],
          ...p.changed.map((c) => [
            c.cell,
            c.orderNo,
            c.item,
            t(L, `checks.field.${c.field}`),
            String(c.old ?? ''),
            String(c.new),
            t(L, c.applied ? 'cli.label.yes' : 'cli.label.no'),
          ]),
        ]),
    );
  if (issues.length)
    out.push(
      `${t(L, 'cli.import.issues')}\n` +
        textTable([
          [t(L, 'cli.label.cell'), t(L, 'cli.label.severity'), t(L, 'cli.label.message')],
          ...issues.map((i) => [i.cell, t(L, `cli.severity.${i.severity}`), i.message]),
        ]),
    );
  return done(out.join('\n'), 0, warnings);
}

export function history(opts: CliOptions, { u, snapshot }: Loaded): CommandOutput {
  const entries = orderHistory(snapshot, {
    ...(opts.order !== undefined ? { orderNo: opts.order } : {}),
    ...(opts.historyRow !== null ? { row: opts.historyRow, sheet: u.order.sheet } : {}),
  });
  if (opts.json)
    return done(
      json({
        entries: entries.map((e) => ({
          time: e.time,
          action: e.action,
          row: e.row,
          orderNo: e.orderNo,
          item: e.item,
          field: e.field,
          old: e.old,
          new: e.new,
        })),
      }),
    );
  const L = opts.lang;
  if (!entries.length) {
    return done(
      findChangeLogSheet(snapshot)
        ? t(L, 'cli.history.none', { log: changeLogSheetName(snapshot, u.order.lang) })
        : t(L, 'cli.history.noLog'),
    );
  }
  const fieldName = (f: string) =>
    f && t(L, `checks.field.${f}`) !== `checks.field.${f}` ? t(L, `checks.field.${f}`) : f;
  return done(
    textTable([
      [
        t(L, 'cli.label.time'),
        t(L, 'cli.label.action'),
        t(L, 'cli.label.cell'),
        t(L, 'cli.label.orderNo'),
        t(L, 'cli.label.item'),
        t(L, 'cli.label.field'),
        t(L, 'cli.label.change'),
      ],
      ...entries.map((e) => [
        e.time,
        actionWord(L, e.action),
        e.cell,
        e.orderNo,
        e.item,
        fieldName(e.field),
        `${String(e.old ?? '')} → ${String(e.new ?? '')}`,
      ]),
    ]),
  );
}
