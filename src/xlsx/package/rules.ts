// Data validation and conditional formats on a worksheet part, patched in place.
// Validation: the edit's ranges are cut out of every existing rule (the clerk's rule keeps the rest of its cells
// and every attribute), then one rule per range is added. Conditional formats: the add-in's own rules (their
// formula carries the marker) are removed and the new ones go on top, as Office.js does; the clerk's rules keep
// their text and order and only their priority number moves below ours.

import { cellAddress, columnNumber } from '../../core/address';
import type { ConditionalRule, ValidationSpec } from '../../core/edits';
import { EXCEL_LIMITS } from '../../core/limits';
import type { SheetPart } from './sheet';
import type { Styles } from './styles';
import { attr, childElements, eachChild, escapeAttr, escapeText, splice, textOf, withAttributes } from './xml';

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sqref token ("A1", "A1:C9", "A:C", "3:5", with or without $) as a rectangle; null when unreadable. */
export function parseRef(token: string): Rect | null {
  const [a, b = a] = token.replace(/\$/g, '').toUpperCase().split(':');
  const p = /^([A-Z]{0,3})(\d*)$/.exec(a);
  const q = /^([A-Z]{0,3})(\d*)$/.exec(b);
  if (!p || !q || (p[1] === '' && p[2] === '') || (q[1] === '' && q[2] === '')) return null;
  const c1 = p[1] ? columnNumber(p[1]) : 1;
  const c2 = q[1] ? columnNumber(q[1]) : EXCEL_LIMITS.columns;
  const r1 = p[2] ? Number(p[2]) : 1;
  const r2 = q[2] ? Number(q[2]) : EXCEL_LIMITS.rows;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

function refOf(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** r minus cut, as up to four rectangles (bands above and below, then left and right of the cut). */
function subtract(r: Rect, cut: Rect): Rect[] {
  if (cut.left > r.right || cut.right < r.left || cut.top > r.bottom || cut.bottom < r.top) return [r];
  const out: Rect[] = [];
  if (r.top < cut.top) out.push({ ...r, bottom: cut.top - 1 });
  if (r.bottom > cut.bottom) out.push({ ...r, top: cut.bottom + 1 });
  const top = Math.max(r.top, cut.top);
  const bottom = Math.min(r.bottom, cut.bottom);
  if (r.left < cut.left) out.push({ top, bottom, left: r.left, right: cut.left - 1 });
  if (r.right > cut.right) out.push({ top, bottom, left: cut.right + 1, right: r.right });
  return out;
}

/** An sqref with the cuts removed; tokens a cut does not reach keep their text. Null when nothing changes. */
export function cutSqref(sqref: string, cuts: Rect[]): string | null {
  const tokens = sqref.trim().split(/\s+/).filter(Boolean);
  let changed = false;
  const out: string[] = [];
  for (const token of tokens) {
    const rect = parseRef(token);
    if (!rect) {
      out.push(token);
      continue;
    }
    let pieces = [rect];
    for (const cut of cuts) pieces = pieces.flatMap((p) => subtract(p, cut));
    if (pieces.length === 1 && pieces[0] === rect) out.push(token);
    else {
      changed = true;
      out.push(...pieces.map(refOf));
    }
  }
  return changed ? out.join(' ') : null;
}

// ---------------------------------------------------------------- data validation

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

/** A <dataValidation> as Office.js's DataValidation sets it (ignoreBlanks true, prompt shown, Stop alert). */
function validationXml(spec: ValidationSpec, p: string): string {
  const a: string[] = [];
  const formulas: string[] = [];
  const rule = spec.rule;
  switch (rule.kind) {
    case 'decimal':
      // Office.js says greaterThanOrEqualTo; the file format says greaterThanOrEqual.
      a.push('type="decimal"', `operator="${rule.operator === 'greaterThan' ? 'greaterThan' : 'greaterThanOrEqual'}"`);
      formulas.push(String(rule.value));
      break;
    case 'date':
      // DATE() as in the Excel adapter: the same bounds in either date system and any locale.
      a.push('type="date"', 'operator="between"');
      for (const iso of rule.between) {
        const [y, m, d] = iso.split('-').map(Number);
        formulas.push(`DATE(${y},${m},${d})`);
      }
      break;
    case 'list': {
      const list = `"${rule.values.join(',')}"`;
      // Excel refuses a typed list over 255 characters: such a rule is not written (core keeps lists short).
      if (list.length > EXCEL_LIMITS.validationListChars + 2) return '';
      a.push('type="list"');
      formulas.push(list);
      break;
    }
  }
  a.push(
    'allowBlank="1"',
    'showInputMessage="1"',
    'showErrorMessage="1"',
    // ECMA-376 ST_DataValidationErrorStyle: stop (the default, left out), warning, information.
    ...(spec.errorAlert.style === 'warning' ? ['errorStyle="warning"'] : []),
    `errorTitle="${escapeAttr(clip(spec.errorAlert.title, 32))}"`,
    `error="${escapeAttr(clip(spec.errorAlert.message, 255))}"`,
    `promptTitle="${escapeAttr(clip(spec.prompt.title, 32))}"`,
    `prompt="${escapeAttr(clip(spec.prompt.message, 255))}"`,
    `sqref="${escapeAttr(spec.range)}"`,
  );
  const body = formulas.map((f, i) => `<${p}formula${i + 1}>${escapeText(f)}</${p}formula${i + 1}>`).join('');
  return `<${p}dataValidation ${a.join(' ')}>${body}</${p}dataValidation>`;
}

export function setDataValidation(sheet: SheetPart, rules: ValidationSpec[]): void {
  if (rules.length === 0) return;
  const cuts = rules.map((r) => parseRef(r.range)).filter((r): r is Rect => r !== null);
  const p = sheet.prefix;
  const added = rules.map((r) => validationXml(r, p)).filter(Boolean);
  const dvs = sheet.child('dataValidations');
  if (!dvs) {
    sheet.setChild(
      'dataValidations',
      `<${p}dataValidations count="${added.length}">${added.join('')}</${p}dataValidations>`,
    );
  } else {
    const xml = sheet.top;
    const edits: { from: number; to: number; text: string }[] = [];
    let count = 0;
    for (const dv of dvs.selfClosing ? [] : childElements(xml, dvs)) {
      if (dv.local !== 'dataValidation') continue;
      const sqref = attr(xml, dv, 'sqref') ?? '';
      const cut = cutSqref(sqref, cuts);
      if (cut === null) count++;
      else if (cut === '') edits.push({ from: dv.start, to: dv.end, text: '' });
      else {
        count++;
        edits.push({ from: dv.start, to: dv.openEnd, text: withAttributes(xml, dv, { sqref: cut }) });
      }
    }
    count += added.length;
    const open = withAttributes(xml, dvs, { count: String(count) });
    if (dvs.selfClosing)
      edits.push({
        from: dvs.start,
        to: dvs.end,
        text: `${open.replace(/\s*\/>$/, '>')}${added.join('')}</${dvs.name}>`,
      });
    else {
      edits.push({ from: dvs.start, to: dvs.openEnd, text: open });
      edits.push({ from: dvs.closeStart, to: dvs.closeStart, text: added.join('') });
    }
    sheet.top = splice(xml, edits);
  }
  cutExtensionValidations(sheet, cuts);
}

/** Rules kept in the x14 extension (lists from other sheets) lose the same cells: one rule per cell, as in Excel. */
function cutExtensionValidations(sheet: SheetPart, cuts: Rect[]): void {
  const ext = sheet.child('extLst');
  if (!ext) return;
  const xml = sheet.top;
  const edits: { from: number; to: number; text: string }[] = [];
  visitDeep(xml, ext, (el, parents) => {
    if (el.local !== 'dataValidation' || parents[parents.length - 1]?.local !== 'dataValidations') return true;
    const ref = childElements(xml, el).find((c) => c.local === 'sqref');
    if (!ref) return false;
    const cut = cutSqref(textOf(xml, ref), cuts);
    if (cut === '') edits.push({ from: el.start, to: el.end, text: '' });
    else if (cut !== null) edits.push({ from: ref.openEnd, to: ref.closeStart, text: escapeText(cut) });
    return false;
  });
  if (edits.length === 0) return;
  sheet.top = splice(xml, edits);
  // Keep each x14:dataValidations count true.
  recount(sheet, 'dataValidations', 'dataValidation');
}

function recount(sheet: SheetPart, list: string, item: string): void {
  const ext = sheet.child('extLst');
  if (!ext) return;
  const xml = sheet.top;
  const edits: { from: number; to: number; text: string }[] = [];
  visitDeep(xml, ext, (el) => {
    if (el.local !== list) return true;
    const n = childElements(xml, el).filter((c) => c.local === item).length;
    if (attr(xml, el, 'count') !== null)
      edits.push({ from: el.start, to: el.openEnd, text: withAttributes(xml, el, { count: String(n) }) });
    return false;
  });
  sheet.top = splice(xml, edits);
}

type Visit = (el: ReturnType<typeof childElements>[number], parents: ReturnType<typeof childElements>) => boolean;

/** Depth-first over descendants; `visit` returns false to skip an element's children. */
function visitDeep(xml: string, root: ReturnType<typeof childElements>[number], visit: Visit): void {
  const walk = (el: ReturnType<typeof childElements>[number], parents: ReturnType<typeof childElements>) => {
    if (el.selfClosing) return;
    eachChild(xml, el, (c) => {
      if (visit(c, parents.concat(el))) walk(c, parents.concat(el));
    });
  };
  walk(root, []);
}

// ---------------------------------------------------------------- conditional formats

export function setConditionalFormats(
  sheet: SheetPart,
  styles: Styles,
  marker: string,
  ranges: string[],
  rules: ConditionalRule[],
): void {
  const p = sheet.prefix;
  const ours = rules.length > 0 && ranges.length > 0 ? rules : [];
  const xml = sheet.top;
  const edits: { from: number; to: number; text: string }[] = [];
  // The clerk's rules (main part and x14 extension) with their priorities, in document order.
  const kept: { from: number; openEnd: number; el: ReturnType<typeof childElements>[number]; priority: number }[] = [];
  for (const cf of sheet.children('conditionalFormatting')) {
    const cfRules = childElements(xml, cf).filter((c) => c.local === 'cfRule');
    const mine = cfRules.filter((r) =>
      childElements(xml, r).some((f) => f.local === 'formula' && textOf(xml, f).includes(marker)),
    );
    if (mine.length > 0 && mine.length === cfRules.length) {
      edits.push({ from: cf.start, to: cf.end, text: '' });
      continue;
    }
    for (const r of mine) edits.push({ from: r.start, to: r.end, text: '' });
    for (const r of cfRules)
      if (!mine.includes(r)) kept.push({ from: r.start, openEnd: r.openEnd, el: r, priority: priorityOf(xml, r) });
  }
  const ext = sheet.child('extLst');
  if (ext)
    visitDeep(xml, ext, (el) => {
      if (el.local === 'cfRule') {
        kept.push({ from: el.start, openEnd: el.openEnd, el, priority: priorityOf(xml, el) });
        return false;
      }
      return true;
    });
  // Ours take 1..n; the clerk's follow in their own order (a tie keeps document order).
  const order = kept.map((k, i) => ({ k, i })).sort((a, b) => a.k.priority - b.k.priority || a.i - b.i);
  order.forEach(({ k }, rank) => {
    const want = ours.length + rank + 1;
    if (k.priority !== want)
      edits.push({ from: k.el.start, to: k.el.openEnd, text: withAttributes(xml, k.el, { priority: String(want) }) });
  });
  sheet.top = splice(xml, edits);
  if (ours.length === 0) return;
  const body = ours
    .map((r, i) => {
      const dxf = styles.dxf({ fill: r.fill, fontColor: r.fontColor, strike: r.strike });
      return `<${p}cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><${p}formula>${escapeText(r.formula)}</${p}formula></${p}cfRule>`;
    })
    .join('');
  sheet.prependChild(
    'conditionalFormatting',
    `<${p}conditionalFormatting sqref="${escapeAttr(ranges.join(' '))}">${body}</${p}conditionalFormatting>`,
  );
}

function priorityOf(xml: string, el: ReturnType<typeof childElements>[number]): number {
  const v = Number(attr(xml, el, 'priority'));
  return Number.isFinite(v) ? v : Number.MAX_SAFE_INTEGER;
}
