// The add-in's conditional formats in Excel: finding its own rules among the clerk's (by their marker, with a
// fallback where Excel cannot read some rules), then deleting them and adding the plan's rules, as units.

import type { ConditionalRule, WorkbookEdit } from '../core/edits';
import { utf8Length } from './chunks';
import { RANGE_BYTES, SET_BYTES, type Unit } from './units';

export type CfEdit = Extract<WorkbookEdit, { kind: 'setConditionalFormats' }>;

/**
 * Reads the rules in each edit's scope (positions in priority order) and returns, per edit, the positions of the
 * add-in's own: rules whose formula carries the marker, and empty custom rules an interrupted add left behind.
 * An edit is missing from the map when Excel could not read its rules even in the fallback.
 */
export async function findOwnRules(
  ctx: Excel.RequestContext,
  cfEdits: [CfEdit, number][],
  scopes: Map<number, string | null>,
): Promise<Map<number, { scope: string; positions: number[] }>> {
  const out = new Map<number, { scope: string; positions: number[] }>();
  const pending = cfEdits.filter(([, i]) => scopes.get(i) !== null);
  for (const [, i] of cfEdits) if (scopes.get(i) === null) out.set(i, { scope: '', positions: [] }); // empty sheet
  const collection = (e: CfEdit, i: number) =>
    ctx.workbook.worksheets.getItem(e.sheet).getRange(scopes.get(i)!).conditionalFormats;
  const ours = (formula: string, marker: string) => formula.includes(marker) || formula.replace(/^=/, '').trim() === '';

  // The whole pre-read in one sync; customOrNullObject, because loading `custom` fails when other rule types are
  // there (OfficeDev/office-js#2180).
  const all = pending.map(([e, i]) => {
    const c = collection(e, i);
    c.load('items/type,items/customOrNullObject/rule/formula');
    return { e, i, c };
  });
  try {
    if (all.length) await ctx.sync();
    for (const { e, i, c } of all) {
      const positions: number[] = [];
      c.items.forEach((cf, k) => {
        if (
          cf.type === 'Custom' &&
          !cf.customOrNullObject.isNullObject &&
          ours(cf.customOrNullObject.rule.formula, e.marker)
        )
          positions.push(k);
      });
      out.set(i, { scope: scopes.get(i)!, positions });
    }
    return out;
  } catch {
    // OfficeDev/office-js#6827, #6835: reading some rules' properties throws. Fallback per edit: the types alone,
    // then the formulas of the custom rules only (the reported failures are cellValue and duplicated rules).
  }
  for (const [e, i] of pending) {
    try {
      const c = collection(e, i);
      c.load('items/type');
      await ctx.sync();
      const custom = c.items.map((cf, k) => ({ cf, k })).filter((x) => x.cf.type === 'Custom');
      for (const x of custom) x.cf.customOrNullObject.load('rule/formula');
      if (custom.length) await ctx.sync();
      const positions = custom
        .filter((x) => !x.cf.customOrNullObject.isNullObject && ours(x.cf.customOrNullObject.rule.formula, e.marker))
        .map((x) => x.k);
      out.set(i, { scope: scopes.get(i)!, positions });
    } catch {
      // Still unreadable: the caller leaves this edit's rules alone and warns.
    }
  }
  return out;
}

/** Delete ours from the highest position down (a delete moves every later rule up one), then add the new rules. */
export function pushRuleWrites(
  units: Unit[],
  e: CfEdit,
  own: { scope: string; positions: number[] } | null,
  sheet: (n: string) => Excel.Worksheet,
): void {
  if (own && own.positions.length > 0) {
    const positions = own.positions.slice().sort((a, b) => b - a);
    units.push({
      bytes: RANGE_BYTES + positions.length * (SET_BYTES * 2),
      once: true,
      queue: () => {
        const c = sheet(e.sheet).getRange(own.scope).conditionalFormats;
        for (const p of positions) c.getItemAt(p).delete();
      },
    });
  }
  if (e.rules.length === 0 || e.ranges.length === 0) return;
  const address = e.ranges.join(',');
  units.push({
    bytes: RANGE_BYTES + utf8Length(address) + e.rules.reduce((n, r) => n + SET_BYTES * 6 + utf8Length(r.formula), 0),
    once: true,
    queue: () => {
      const areas = sheet(e.sheet).getRanges(address);
      e.rules.forEach((rule, p) => addConditionalFormat(areas, rule, p));
    },
  });
}

function addConditionalFormat(areas: Excel.RangeAreas, rule: ConditionalRule, priority: number): void {
  // "Adds a new conditional format to the collection at the first/top priority."
  const cf = areas.conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${rule.formula}`;
  if (rule.fill) cf.custom.format.fill.color = rule.fill;
  if (rule.fontColor) cf.custom.format.font.color = rule.fontColor;
  if (rule.strike) cf.custom.format.font.strikethrough = true;
  // Set last: after a priority change "you have to re-fetch a new copy of the object" to change it further.
  cf.priority = priority;
}
