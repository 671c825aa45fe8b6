// The package as the writer sees it: parts read as text on demand, changed parts remembered, everything else
// copied into the output zip as stored (zipWrite.ts: its compressed bytes, so untouched parts are byte-identical). Content types, relationships, the workbook part's sheets and the child order
// of <workbook> (WORKBOOK_ORDER) live here.

import { decodeText, type OpenPackage } from '../zip';
import type { InputPackage } from './open';
import { writeZip, type ZipEntryOut } from './zipWrite';
import {
  attr,
  attributes,
  childElements,
  decode,
  escapeAttr,
  firstChild,
  rootElement,
  splice,
  withAttributes,
  type XmlElement,
} from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
} as const;

/** Where the first element named `local` (any prefix) starts in UTF-8 `bytes`, or -1. */
function elementStart(bytes: Uint8Array, local: string): number {
  const want = Array.from(local, (c) => c.charCodeAt(0));
  const first = want[0];
  for (let i = 1; i + want.length < bytes.length; i++) {
    if (bytes[i] !== first) continue;
    let k = 1;
    while (k < want.length && bytes[i + k] === want[k]) k++;
    if (k < want.length) continue;
    const after = bytes[i + want.length];
    if (!(after === 0x3e || after === 0x2f || after <= 0x20)) continue; // > / or space
    let lt = i - 1;
    if (bytes[lt] === 0x3a) while (lt > 0 && bytes[lt] !== 0x3c && bytes[lt] > 0x20) lt--; // a prefix
    if (bytes[lt] === 0x3c) return lt;
  }
  return -1;
}

/** A relationship type by its last segment, so Strict OOXML's purl.oclc.org types match too. */
function isType(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

/** Child order of <workbook> (CT_Workbook). */
export const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export class Package {
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly added = new Set<string>();
  /** Parts changed as bytes (patchHead): a new head before the input's own bytes. */
  private readonly raw = new Map<string, Uint8Array>();

  private readonly source: OpenPackage;
  private readonly inputNames: Set<string>;

  constructor(input: InputPackage) {
    this.source = input.source;
    this.inputNames = new Set(input.source.names);
  }

  has(path: string): boolean {
    return this.texts.has(path) || this.raw.has(path) || this.inputNames.has(path);
  }

  /** Part names of the input package (no leading slash), in its order. */
  names(): string[] {
    return this.source.names;
  }

  /** Part names as in the zip (no leading slash), matched case-insensitively as OPC requires. */
  find(path: string): string | null {
    if (this.has(path)) return path;
    return this.source.find(path);
  }

  async text(path: string): Promise<string> {
    const known = this.texts.get(path);
    if (known !== undefined) return known;
    const patched = this.raw.get(path);
    if (patched) {
      this.raw.delete(path);
      this.texts.set(path, decodeText(patched));
      return this.texts.get(path)!;
    }
    if (!this.source.has(path)) throw new Error(`package: no part ${path}`);
    const text = this.source.text(path); // limits applied (zip bombs, part size)
    this.texts.set(path, text);
    return text;
  }

  /** The part's text and, when this read decoded it from the input, the UTF-8 bytes it came from. */
  async textWithBytes(path: string): Promise<{ text: string; bytes?: Uint8Array }> {
    if (this.texts.has(path) || this.raw.has(path) || !this.source.has(path)) return { text: await this.text(path) };
    const bytes = this.source.bytes(path); // limits applied
    const text = decodeText(bytes);
    this.texts.set(path, text);
    return { text, bytes };
  }

  set(path: string, text: string): void {
    if (!this.has(path)) this.added.add(path);
    this.raw.delete(path);
    this.texts.set(path, text);
    this.changed.add(path);
  }

  /** Set a part's content as UTF-8 bytes (a new sheet written straight out); read back as text only if asked. */
  setBytes(path: string, bytes: Uint8Array): void {
    if (!this.has(path)) this.added.add(path);
    this.texts.delete(path);
    this.raw.set(path, bytes);
    this.changed.add(path);
  }

  /**
   * Edit only the head of an input part — its text before the first element named `stop` (a worksheet's
   * elements before <sheetData>) — without decoding the rest. `edit` gets the head closed by the root's end tag
   * and returns it edited there. False (nothing done) when the part was read already, is not UTF-8, or has no
   * such element; the caller then edits the whole text.
   */
  async patchHead(path: string, stop: string, edit: (xml: string) => string): Promise<boolean> {
    if (this.texts.has(path) || this.raw.has(path) || !this.inputNames.has(path)) return false;
    // Only the head is inflated to look at it; the whole part only when the head changes.
    const first = this.source.head(path, (b) => elementStart(b, stop) >= 0); // limits applied
    if (first.length >= 2 && (first[0] === 0xff || first[0] === 0xfe)) return false; // UTF-16
    const at = elementStart(first, stop);
    if (at < 0) return false;
    const head = new TextDecoder('utf-8').decode(first.subarray(0, at));
    const root = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*<([^\s/>!?]+)/.exec(head)?.[1];
    if (!root) return false;
    const close = `</${root}>`;
    let edited: string;
    try {
      edited = edit(head + close);
    } catch {
      return false; // a head the XML helpers cannot read (cut inside a comment): the whole text then
    }
    if (!edited.endsWith(close)) return false;
    const newHead = edited.slice(0, edited.length - close.length);
    if (newHead === head) return true;
    const bytes = this.source.bytes(path);
    const start = new TextEncoder().encode(newHead);
    const out = new Uint8Array(start.length + bytes.length - at);
    out.set(start);
    out.set(bytes.subarray(at), start.length);
    this.raw.set(path, out);
    this.changed.add(path);
    return true;
  }

  /** Parts this run changed or added (for tests and the README's guarantee). */
  touched(): string[] {
    return Array.from(this.changed);
  }

  /** The output zip: changed parts in their place, added parts after them; every other entry as stored. */
  async bytes(): Promise<Uint8Array> {
    const encoder = new TextEncoder();
    const entries: ZipEntryOut[] = [];
    const content = (name: string) => ({ name, content: this.raw.get(name) ?? encoder.encode(this.texts.get(name)!) });
    const seen = new Set<string>();
    for (const name of this.source.names) {
      if (seen.has(name)) continue; // a name listed twice: its first entry, as every reader takes
      seen.add(name);
      entries.push(this.changed.has(name) ? content(name) : { stored: this.source.stored(name) });
    }
    for (const name of this.added) entries.push(content(name));
    return writeZip(entries);
  }

  /** A free part name like xl/tables/table3.xml. */
  freeName(folder: string, stem: string, ext = 'xml'): string {
    for (let i = 1; ; i++) {
      const name = `${folder}/${stem}${i}.${ext}`;
      if (this.find(name) === null) return name;
    }
  }

  // ------------------------------------------------------------ relationships

  static relsPathOf(part: string): string {
    const slash = part.lastIndexOf('/');
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  }

  async relationships(part: string): Promise<Relationship[]> {
    const path = this.find(Package.relsPathOf(part));
    if (!path) return [];
    const xml = await this.text(path);
    return childElements(xml, rootElement(xml))
      .filter((el) => el.local === 'Relationship')
      .map((el) => ({
        id: attr(xml, el, 'Id') ?? '',
        type: attr(xml, el, 'Type') ?? '',
        target: attr(xml, el, 'Target') ?? '',
        external: attr(xml, el, 'TargetMode') === 'External',
      }));
  }

  /** Add a relationship from `part` to `target` (a part name); returns its new Id. */
  async addRelationship(part: string, type: string, target: string): Promise<string> {
    const relsPath = this.find(Package.relsPathOf(part)) ?? Package.relsPathOf(part);
    const xml = this.has(relsPath)
      ? await this.text(relsPath)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const taken = new Set((await this.relationshipsIn(xml)).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = rootElement(xml);
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(part, target))}"/>`;
    this.set(relsPath, insertBeforeClose(xml, root, rel));
    return id;
  }

  private async relationshipsIn(xml: string): Promise<{ id: string }[]> {
    return childElements(xml, rootElement(xml)).map((el) => ({ id: attr(xml, el, 'Id') ?? '' }));
  }

  /** Target part name of a relationship of `part`. */
  static resolve(part: string, target: string): string {
    if (target.startsWith('/')) return normalise(target.slice(1));
    const dir = part.slice(0, part.lastIndexOf('/') + 1);
    return normalise(dir + target);
  }

  // ------------------------------------------------------------ content types

  async addOverride(part: string, contentType: string): Promise<void> {
    const path = '[Content_Types].xml';
    const xml = await this.text(path);
    const root = rootElement(xml);
    const exists = childElements(xml, root).some(
      (el) => el.local === 'Override' && (attr(xml, el, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase(),
    );
    if (exists) return;
    this.set(path, insertBeforeClose(xml, root, `<Override PartName="/${part}" ContentType="${contentType}"/>`));
  }

  async contentTypeOf(part: string): Promise<string | null> {
    const xml = await this.text('[Content_Types].xml');
    const root = rootElement(xml);
    let byExt: string | null = null;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const el of childElements(xml, root)) {
      if (el.local === 'Override' && (attr(xml, el, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase())
        return attr(xml, el, 'ContentType');
      if (el.local === 'Default' && (attr(xml, el, 'Extension') ?? '').toLowerCase() === ext)
        byExt = attr(xml, el, 'ContentType');
    }
    return byExt;
  }

  /** The workbook part's name from the package relationships (xl/workbook.xml almost always). */
  async workbookPath(): Promise<string> {
    const rels = await this.relationships('');
    const main = rels.find((r) => isType(r.type, 'officeDocument'));
    if (!main) throw new Error('package: no workbook part');
    return Package.resolve('', main.target);
  }
}

export function relationshipOfType(rels: Relationship[], kind: string): Relationship | undefined {
  return rels.find((r) => isType(r.type, kind));
}

export function relationshipsOfType(rels: Relationship[], kind: string): Relationship[] {
  return rels.filter((r) => isType(r.type, kind));
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Target of a relationship from `source` to part `target`, relative as Excel writes it. */
function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** Insert text just before the element's close tag (an empty <a/> becomes <a>text</a>). */
export function insertBeforeClose(xml: string, el: XmlElement, text: string): string {
  if (!el.selfClosing) return splice(xml, [{ from: el.closeStart, to: el.closeStart, text }]);
  const open = xml.slice(el.start, el.openEnd).replace(/\s*\/>$/, '>');
  return splice(xml, [{ from: el.start, to: el.end, text: `${open}${text}</${el.name}>` }]);
}

// ---------------------------------------------------------------- workbook part

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Worksheet part name (null for a chartsheet or a missing target). */
  path: string | null;
  isWorksheet: boolean;
  /** The <sheet> element in workbook.xml at the time of reading. */
  index: number;
}

export async function readSheets(pkg: Package, workbookPath: string): Promise<SheetEntry[]> {
  const xml = await pkg.text(workbookPath);
  const root = rootElement(xml);
  const sheets = firstChild(xml, root, 'sheets');
  if (!sheets) return [];
  const rels = await pkg.relationships(workbookPath);
  return childElements(xml, sheets)
    .filter((el) => el.local === 'sheet')
    .map((el, index) => {
      const relId = relIdOf(xml, el);
      const rel = rels.find((r) => r.id === relId);
      const state = attr(xml, el, 'state');
      return {
        name: attr(xml, el, 'name') ?? '',
        sheetId: Number(attr(xml, el, 'sheetId') ?? 0),
        relId,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        path: rel && !rel.external ? Package.resolve(workbookPath, rel.target) : null,
        isWorksheet: rel !== undefined && isType(rel.type, 'worksheet'),
        index,
      };
    });
}

/** The r:id of a <sheet> (whatever prefix the relationships namespace has). */
function relIdOf(xml: string, el: XmlElement): string {
  for (const a of attributes(xml, el)) if (a.name.endsWith(':id')) return decode(a.raw);
  return '';
}

export { withAttributes };
