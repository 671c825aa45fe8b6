// A small XML scanner for patching package parts in place: it finds elements by character offset so a writer
// can splice new text into a part and leave every other character exactly as it was. Hand-written because the
// writer needs offsets, not a tree: DOM libraries re-serialise a whole part (quotes, namespace declarations,
// entity forms, whitespace all change) and SAX libraries report line/column positions that are costly to map
// back onto a 20 MB string. It reads what OOXML parts contain (elements, attributes, text, comments, CDATA,
// processing instructions); test/xlsx/package/xml.test.ts checks it against saxes on every fixture part.

export interface XmlElement {
  /** Qualified name as written, e.g. "x:c" or "c". */
  name: string;
  /** Name without its prefix, e.g. "c". */
  local: string;
  /** Index of "<". */
  start: number;
  /** Index just after the open tag's ">". */
  openEnd: number;
  /** Index of the close tag's "<" (equals openEnd for an empty element). */
  closeStart: number;
  /** Index just after the element. */
  end: number;
  selfClosing: boolean;
}

/** The whole document's span, for looking at top-level children. */
export interface XmlSpan {
  openEnd: number;
  closeStart: number;
}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const DQ = 34;
/** Elements that cannot contain an element of the same name (SpreadsheetML schema), so their end is found by search. */
const NO_SELF_NESTING = new Set(['sheetData', 'row', 'c', 'si', 'mergeCells', 'cols', 'sheetViews', 'definedNames']);
const SQ = 39;

/** Index just after the ">" that ends the tag starting at `lt`, honouring quoted attribute values. */
export function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === DQ || ch === SQ) quote = ch;
    else if (ch === GT) return i + 1;
  }
  throw new Error('xml: unterminated tag');
}

/** Index after a comment, CDATA section, processing instruction or declaration starting at `lt`; -1 if none. */
function skipSpecial(xml: string, lt: number): number {
  const next = xml.charCodeAt(lt + 1);
  if (next === QMARK) return until(xml, lt, '?>');
  if (next !== BANG) return -1;
  if (xml.startsWith('<!--', lt)) return until(xml, lt, '-->');
  if (xml.startsWith('<![CDATA[', lt)) return until(xml, lt, ']]>');
  // <!DOCTYPE …> with an optional [internal subset].
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const ch = xml[i];
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '>' && depth <= 0) return i + 1;
  }
  throw new Error('xml: unterminated declaration');
}

function until(xml: string, from: number, end: string): number {
  const i = xml.indexOf(end, from);
  if (i < 0) throw new Error(`xml: missing ${end}`);
  return i + end.length;
}

function nameAt(xml: string, from: number): string {
  let i = from;
  while (i < xml.length) {
    const ch = xml.charCodeAt(i);
    if (ch <= 32 || ch === GT || ch === SLASH) break;
    i++;
  }
  return xml.slice(from, i);
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** "x:" for "x:worksheet", "" for "worksheet": new elements take the prefix of their parent. */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

/** Direct child elements of `parent` (or of the document when parent spans the whole text), in order. */
export function childElements(xml: string, parent: XmlSpan): XmlElement[] {
  const out: XmlElement[] = [];
  eachChild(xml, parent, (el) => {
    out.push(el);
  });
  return out;
}

/**
 * Calls `visit` for each direct child of `parent` in order; stops when it returns false. Children are found with
 * indexOf jumps, so a 20 MB sheetData is scanned in one pass.
 */
export function eachChild(xml: string, parent: XmlSpan, visit: (el: XmlElement) => boolean | void): void {
  let i = parent.openEnd;
  const stop = parent.closeStart;
  let depth = 0;
  let open: { name: string; start: number; openEnd: number } | null = null;
  while (i < stop) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= stop) break;
    const special = skipSpecial(xml, lt);
    if (special >= 0) {
      i = special;
      continue;
    }
    const end = tagEnd(xml, lt);
    if (xml.charCodeAt(lt + 1) === SLASH) {
      depth--;
      if (depth === 0 && open) {
        const el: XmlElement = {
          name: open.name,
          local: localName(open.name),
          start: open.start,
          openEnd: open.openEnd,
          closeStart: lt,
          end,
          selfClosing: false,
        };
        open = null;
        if (visit(el) === false) return;
      }
      if (depth < 0) throw new Error('xml: unbalanced close tag');
    } else {
      const selfClosing = xml.charCodeAt(end - 2) === SLASH;
      if (depth === 0) {
        const name = nameAt(xml, lt + 1);
        if (selfClosing) {
          const el: XmlElement = {
            name,
            local: localName(name),
            start: lt,
            openEnd: end,
            closeStart: end,
            end,
            selfClosing: true,
          };
          if (visit(el) === false) return;
        } else if (NO_SELF_NESTING.has(localName(name))) {
          // These never contain an element of their own name: jump to the close tag (sheetData is most of a sheet).
          const closeStart = closeTagOf(xml, name, end);
          if (closeStart < 0 || closeStart >= stop) throw new Error('xml: unclosed element');
          const closeEnd = tagEnd(xml, closeStart);
          const el: XmlElement = {
            name,
            local: localName(name),
            start: lt,
            openEnd: end,
            closeStart,
            end: closeEnd,
            selfClosing: false,
          };
          if (visit(el) === false) return;
          i = closeEnd;
          continue;
        } else {
          open = { name, start: lt, openEnd: end };
          depth = 1;
        }
      } else if (!selfClosing) depth++;
    }
    i = end;
  }
  if (depth !== 0) throw new Error('xml: unclosed element');
}

function closeTagOf(xml: string, name: string, from: number): number {
  const needle = `</${name}`;
  for (let i = xml.indexOf(needle, from); i >= 0; i = xml.indexOf(needle, i + 1)) {
    const ch = xml.charCodeAt(i + needle.length);
    if (ch === GT || ch <= 32) return i;
  }
  return -1;
}

/** The document element (after any declaration, comments or processing instructions), found without a scan. */
export function rootElement(xml: string): XmlElement {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new Error('xml: no root element');
    const special = skipSpecial(xml, lt);
    if (special >= 0) {
      i = special;
      continue;
    }
    const openEnd = tagEnd(xml, lt);
    const name = nameAt(xml, lt + 1);
    const el = { name, local: localName(name), start: lt, openEnd };
    if (xml.charCodeAt(openEnd - 2) === SLASH) return { ...el, closeStart: openEnd, end: openEnd, selfClosing: true };
    // The root's close tag is the last tag of the document.
    const closeStart = xml.lastIndexOf(`</${name}`);
    if (closeStart < openEnd) throw new Error('xml: unclosed root element');
    return { ...el, closeStart, end: tagEnd(xml, closeStart), selfClosing: false };
  }
}

export function firstChild(xml: string, parent: XmlSpan, local: string): XmlElement | null {
  let found: XmlElement | null = null;
  eachChild(xml, parent, (el) => {
    if (el.local === local) {
      found = el;
      return false;
    }
    return true;
  });
  return found;
}

export function childrenNamed(xml: string, parent: XmlSpan, local: string): XmlElement[] {
  return childElements(xml, parent).filter((el) => el.local === local);
}

// ---------------------------------------------------------------- attributes

export interface XmlAttribute {
  name: string;
  /** Raw text between the quotes (entities not decoded). */
  raw: string;
  /** Index of the attribute name in the document. */
  start: number;
  /** Index after the closing quote. */
  end: number;
}

/** Attributes of the element's open tag, in order. */
export function attributes(xml: string, el: { start: number; openEnd: number }): XmlAttribute[] {
  const out: XmlAttribute[] = [];
  let i = el.start + 1;
  while (i < el.openEnd && xml.charCodeAt(i) > 32 && xml.charCodeAt(i) !== GT && xml.charCodeAt(i) !== SLASH) i++;
  while (i < el.openEnd) {
    const ch = xml.charCodeAt(i);
    if (ch <= 32 || ch === SLASH || ch === GT) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < el.openEnd && xml.charCodeAt(i) !== 61 /* = */ && xml.charCodeAt(i) > 32) i++;
    const name = xml.slice(nameStart, i);
    while (i < el.openEnd && xml.charCodeAt(i) !== DQ && xml.charCodeAt(i) !== SQ) i++;
    const quote = xml.charCodeAt(i);
    const close = xml.indexOf(String.fromCharCode(quote), i + 1);
    if (close < 0 || close >= el.openEnd) throw new Error('xml: bad attribute');
    out.push({ name, raw: xml.slice(i + 1, close), start: nameStart, end: close + 1 });
    i = close + 1;
  }
  return out;
}

/** Decoded value of an attribute (matched by qualified or local name), or null. */
export function attr(xml: string, el: { start: number; openEnd: number }, name: string): string | null {
  for (const a of attributes(xml, el)) if (a.name === name || localName(a.name) === name) return decode(a.raw);
  return null;
}

/**
 * The open tag with attributes set (value string, escaped here) or removed (null); every other attribute keeps its
 * text and place, new ones go at the end.
 */
export function withAttributes(
  xml: string,
  el: { start: number; openEnd: number },
  changes: Record<string, string | null>,
): string {
  const attrs = attributes(xml, el);
  let tag = xml.slice(el.start, el.openEnd);
  const base = el.start;
  // Edit from the end so earlier offsets stay valid.
  const pending = new Map(Object.entries(changes));
  for (let k = attrs.length - 1; k >= 0; k--) {
    const a = attrs[k];
    if (!pending.has(a.name)) continue;
    const value = pending.get(a.name)!;
    pending.delete(a.name);
    const from = a.start - base;
    const to = a.end - base;
    if (value === null) {
      // Drop the attribute and the whitespace before it.
      let s = from;
      while (s > 0 && tag.charCodeAt(s - 1) <= 32) s--;
      tag = tag.slice(0, s) + tag.slice(to);
    } else tag = `${tag.slice(0, from)}${a.name}="${escapeAttr(value)}"${tag.slice(to)}`;
  }
  let added = '';
  for (const [name, value] of pending) if (value !== null) added += ` ${name}="${escapeAttr(value)}"`;
  if (added) {
    const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
    let at = close;
    while (at > 0 && tag.charCodeAt(at - 1) <= 32) at--;
    tag = tag.slice(0, at) + added + tag.slice(at);
  }
  return tag;
}

// ---------------------------------------------------------------- text

/** Text content of an element with entities decoded (nested markup is skipped, CDATA kept). */
export function textOf(xml: string, el: XmlElement): string {
  if (el.selfClosing) return '';
  const inner = xml.slice(el.openEnd, el.closeStart);
  if (!inner.includes('<')) return decode(inner);
  let out = '';
  let i = 0;
  while (i < inner.length) {
    const lt = inner.indexOf('<', i);
    if (lt < 0) {
      out += decode(inner.slice(i));
      break;
    }
    out += decode(inner.slice(i, lt));
    if (inner.startsWith('<![CDATA[', lt)) {
      const end = inner.indexOf(']]>', lt);
      out += inner.slice(lt + 9, end);
      i = end + 3;
    } else i = inner.indexOf('>', lt) + 1;
  }
  return out;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => `&${ATTR_ENTITY[c]};`);
}

const ATTR_ENTITY: Record<string, string> = {
  '&': 'amp',
  '<': 'lt',
  '>': 'gt',
  '"': 'quot',
  '\n': '#10',
  '\r': '#13',
  '\t': '#9',
};

/**
 * A cell's text as SpreadsheetML stores it: characters XML 1.0 cannot carry, and text that would read back as such
 * an escape, become _xHHHH_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 */
export function escapeCellText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const ooxml = s.replace(/_(x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (m, esc) =>
    esc ? `_x005F_${esc}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return escapeText(ooxml);
}

/** Inverse of escapeCellText's _xHHHH_ step (entities already decoded). */
export function unescapeCellText(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Splice edits (non-overlapping [from, to) → text) into xml in one pass. */
export function splice(xml: string, edits: { from: number; to: number; text: string }[]): string {
  if (edits.length === 0) return xml;
  const sorted = edits.slice().sort((a, b) => a.from - b.from || a.to - b.to);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.from < at) throw new Error('xml: overlapping edits');
    parts.push(xml.slice(at, e.from), e.text);
    at = e.to;
  }
  parts.push(xml.slice(at));
  return parts.join('');
}
