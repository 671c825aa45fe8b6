// Excel tables in the package: found through each worksheet's relationships, created as new table parts, or
// grown. Never writes a header cell: a table's column names are the header cells' text, and a header that is not
// usable text leaves the table unmade (core refuses such headers before planning).

import { areaCovers, areasOverlap, cellAddress, parseRange } from '../../core/address';
import { attr, childElements, escapeAttr, firstChild, rootElement, splice, withAttributes } from './xml';
import { CONTENT_TYPE, Package, REL, relationshipsOfType } from './parts';
import type { SharedStringLookup, SheetPart } from './sheet';

export interface TableInfo {
  path: string;
  /** Worksheet part the table belongs to. */
  sheetPath: string;
  name: string;
  ref: string;
  id: number;
  totalsRows: number;
}

export async function tablesOfSheet(pkg: Package, sheetPath: string): Promise<TableInfo[]> {
  const out: TableInfo[] = [];
  for (const rel of relationshipsOfType(await pkg.relationships(sheetPath), 'table')) {
    if (rel.external) continue;
    const path = pkg.find(Package.resolve(sheetPath, rel.target));
    if (!path) continue;
    const xml = await pkg.text(path);
    const root = rootElement(xml);
    out.push({
      path,
      sheetPath,
      name: attr(xml, root, 'name') ?? attr(xml, root, 'displayName') ?? '',
      ref: attr(xml, root, 'ref') ?? '',
      id: Number(attr(xml, root, 'id') ?? 0),
      totalsRows: Number(attr(xml, root, 'totalsRowCount') ?? 0),
    });
  }
  return out;
}

/** Column names for a table from its header cells, or null when one is blank, not text, or repeated. */
export function columnNames(
  sheet: SheetPart,
  range: string,
  sst: SharedStringLookup,
): { names: string[]; problem: string | null } {
  const r = parseRange(range);
  const values = sheet.rowValues(r.top, r.left, r.right, sst);
  const seen = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const at = cellAddress(r.top, r.left + i);
    if (typeof v !== 'string' || v.trim() === '') return { names, problem: at };
    if (seen.has(v.toLowerCase())) return { names, problem: at };
    seen.add(v.toLowerCase());
    // Line breaks are stored the way Excel writes them in a column name.
    names.push(v.replace(/\r?\n/g, '_x000a_'));
  }
  return { names, problem: null };
}

const DEFAULT_STYLE =
  '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>';

/** A new table part over `range` named `name`; false when the header cells cannot name its columns. */
export async function createTable(
  pkg: Package,
  sheetPath: string,
  sheet: SheetPart,
  all: TableInfo[],
  range: string,
  name: string,
  sst: SharedStringLookup,
): Promise<boolean> {
  if (all.some((t) => t.sheetPath === sheetPath && areasOverlap(t.ref, range))) return false;
  const { names, problem } = columnNames(sheet, range, sst);
  if (problem !== null) return false;
  const id = Math.max(0, ...all.map((t) => t.id)) + 1;
  const path = pkg.freeName('xl/tables', 'table');
  const columns = names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(n)}"/>`).join('');
  pkg.set(
    path,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${range}" totalsRowShown="0">` +
      `<autoFilter ref="${range}"/><tableColumns count="${names.length}">${columns}</tableColumns>${DEFAULT_STYLE}</table>`,
  );
  await pkg.addOverride(path, CONTENT_TYPE.table);
  const relId = await pkg.addRelationship(sheetPath, REL.table, path);
  // A sheet AutoFilter over the same cells would clash with the table's own filter (Excel keeps one).
  const af = sheet.child('autoFilter');
  if (af && areasOverlap(attr(sheet.top, af, 'ref') ?? 'A1', range)) sheet.setChild('autoFilter', null);
  addTablePart(sheet, relId);
  all.push({ path, sheetPath, name, ref: range, id, totalsRows: 0 });
  return true;
}

function addTablePart(sheet: SheetPart, relId: string): void {
  const p = sheet.prefix;
  const root = sheet.root();
  const rel = relPrefix(sheet.top, root);
  const part = `<${p}tablePart ${rel.decl}${rel.prefix}id="${relId}"/>`;
  const existing = sheet.child('tableParts');
  if (!existing) {
    sheet.setChild('tableParts', `<${p}tableParts count="1">${part}</${p}tableParts>`);
    return;
  }
  const n = childElements(sheet.top, existing).length + 1;
  const open = withAttributes(sheet.top, existing, { count: String(n) });
  const body = existing.selfClosing ? '' : sheet.top.slice(existing.openEnd, existing.closeStart);
  sheet.top = splice(sheet.top, [
    {
      from: existing.start,
      to: existing.end,
      text: `${open.replace(/\s*\/>$/, '>')}${body}${part}</${existing.name}>`,
    },
  ]);
}

/** The prefix bound to the relationships namespace on the root, or a local declaration when there is none. */
export function relPrefix(xml: string, root: { start: number; openEnd: number }): { prefix: string; decl: string } {
  const tag = xml.slice(root.start, root.openEnd);
  const m =
    /\sxmlns:([A-Za-z_][\w.-]*)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(tag);
  if (m) return { prefix: `${m[1]}:`, decl: '' };
  return { prefix: 'r:', decl: 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' };
}

/**
 * The table named `name` grown to cover `range` (new columns named from their header cells). A table with a totals
 * row keeps its rows (growing would move the totals onto an order line); false when the table is not there.
 */
export async function growTable(
  pkg: Package,
  table: TableInfo,
  sheet: SheetPart,
  range: string,
  sst: SharedStringLookup,
): Promise<boolean> {
  if (areaCovers(table.ref, range)) return true;
  const r = parseRange(table.ref);
  const want = parseRange(range);
  const top = Math.min(r.top, want.top);
  const left = Math.min(r.left, want.left);
  const right = Math.max(r.right, want.right);
  const bottom = table.totalsRows > 0 ? r.bottom : Math.max(r.bottom, want.bottom);
  if (top !== r.top) return true; // the header row cannot move without rewriting the table
  const xml = await pkg.text(table.path);
  const root = rootElement(xml);
  const edits: { from: number; to: number; text: string }[] = [];
  const ref = `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
  edits.push({ from: root.start, to: root.openEnd, text: withAttributes(xml, root, { ref }) });
  const af = firstChild(xml, root, 'autoFilter');
  if (af) {
    const afRef = `${cellAddress(top, left)}:${cellAddress(bottom - table.totalsRows, right)}`;
    edits.push({ from: af.start, to: af.openEnd, text: withAttributes(xml, af, { ref: afRef }) });
  }
  if (left < r.left || right > r.right) {
    const cols = firstChild(xml, root, 'tableColumns');
    if (!cols) return true;
    const { names, problem } = columnNames(sheet, `${cellAddress(top, left)}:${cellAddress(top, right)}`, sst);
    if (problem !== null) return true;
    const existing = childElements(xml, cols).filter((c) => c.local === 'tableColumn');
    let nextId = Math.max(0, ...existing.map((c) => Number(attr(xml, c, 'id') ?? 0))) + 1;
    const p = cols.name.includes(':') ? cols.name.slice(0, cols.name.indexOf(':') + 1) : '';
    const made = (col: number) => `<${p}tableColumn id="${nextId++}" name="${escapeAttr(names[col - left])}"/>`;
    let before = '';
    for (let c = left; c < r.left; c++) before += made(c);
    let after = '';
    for (let c = r.right + 1; c <= right; c++) after += made(c);
    const count = existing.length + (r.left - left) + (right - r.right);
    edits.push({
      from: cols.start,
      to: cols.openEnd,
      text: withAttributes(xml, cols, { count: String(count) }) + before,
    });
    edits.push({ from: cols.closeStart, to: cols.closeStart, text: after });
  }
  pkg.set(table.path, splice(xml, edits));
  table.ref = ref;
  return true;
}
