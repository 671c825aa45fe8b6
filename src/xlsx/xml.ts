// A small streaming XML tokenizer for the package parts the reader needs (SpreadsheetML, relationships, content
// types). Hand-written (README, "Choices"): it does only what these parts use — elements, attributes, text,
// CDATA, the five predefined entities and character references — and refuses a DOCTYPE outright (OPC forbids
// DTDs; no entity can ever be expanded), checks that tags nest, and is several times faster than a general
// parser on sheet XML. Names are reported without their prefix (`x:c` → `c`): writers choose prefixes freely
// (the .NET Open XML SDK writes `x:`), and strict OOXML changes only the namespace URIs.

export class XmlError extends Error {}

export interface XmlSink {
  /** Whether text between tags is wanted now (set by the sink; unwanted text is skipped without a copy). */
  wantText: boolean;
  open(name: string, attrs: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  text(s: string): void;
}

/** The attributes of the element being opened; valid only during `open`. Looked up by name without prefix. */
export class XmlAttributes {
  /** Offsets into `src` of each attribute's local name and raw value (nothing is copied until asked for). */
  src = '';
  nameStart: number[] = [];
  nameEnd: number[] = [];
  valueStart: number[] = [];
  valueEnd: number[] = [];
  n = 0;

  get(name: string): string | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : unescapeXml(this.src.slice(this.valueStart[i], this.valueEnd[i]));
  }

  /** Index of the attribute called `name` (its value is src[valueStart[i], valueEnd[i])), or -1. */
  indexOf(name: string): number {
    const len = name.length;
    for (let i = 0; i < this.n; i++) {
      const at = this.nameStart[i];
      if (this.nameEnd[i] - at === len && this.src.startsWith(name, at)) return i;
    }
    return -1;
  }
}

/** Longest token (a tag, or text between tags) held while waiting for its end: no sheet cell comes near it. */
const MAX_TOKEN_CHARS = 64 * 1024 * 1024;

export class XmlStream {
  private carry = '';
  private pending: string[] = [];
  private pendingLength = 0;
  /** Open elements: qualified names (to match end tags) and local names (to report them). */
  private readonly stack: string[] = [];
  private readonly localStack: string[] = [];
  private readonly attrs = new XmlAttributes();
  private sawRoot = false;

  constructor(private readonly sink: XmlSink) {}

  write(s: string): void {
    if (s.length === 0) return;
    // While a long token is incomplete, wait until as much again has arrived: rescans stay linear overall.
    if (this.carry.length > 0 && this.pendingLength + s.length < this.carry.length) {
      this.pending.push(s);
      this.pendingLength += s.length;
      if (this.carry.length + this.pendingLength > MAX_TOKEN_CHARS) throw new XmlError('token too long');
      return;
    }
    let buf = this.carry;
    if (this.pending.length) {
      buf += this.pending.join('');
      this.pending = [];
      this.pendingLength = 0;
    }
    buf += s;
    this.carry = this.parse(buf);
    if (this.carry.length > MAX_TOKEN_CHARS) throw new XmlError('token too long');
  }

  end(): void {
    let buf = this.carry;
    if (this.pending.length) buf += this.pending.join('');
    this.pending = [];
    this.carry = '';
    const rest = buf.length ? this.parse(buf) : '';
    if (rest.trim() !== '' && this.stack.length === 0 && this.sawRoot && !rest.includes('<'))
      throw new XmlError('text after the root element');
    if (rest.trim() !== '' || this.stack.length > 0 || !this.sawRoot) throw new XmlError('unexpected end');
  }

  /** Parse every complete token of `b`; return the incomplete tail. */
  private parse(b: string): string {
    const sink = this.sink;
    const stack = this.stack;
    const attrs = this.attrs;
    const len = b.length;
    let pos = 0;
    while (pos < len) {
      const lt = b.indexOf('<', pos);
      if (lt < 0) break;
      if (lt > pos) {
        if (stack.length === 0) {
          // Only white space may stand outside the root element.
          if (b.slice(pos, lt).trim() !== '') throw new XmlError('text outside the root element');
        } else if (sink.wantText) sink.text(unescapeText(b.slice(pos, lt)));
      }
      if (lt + 1 >= len) return b.slice(lt);
      const c = b.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = b.indexOf('>', lt + 2);
        if (gt < 0) return b.slice(lt);
        const open = stack.pop();
        const end = lt + 2 + (open === undefined ? 0 : open.length);
        if (open === undefined || !b.startsWith(open, lt + 2) || (end < gt && b.slice(end, gt).trim() !== ''))
          throw new XmlError(`end tag does not close <${open ?? ''}>`);
        sink.close(this.localStack.pop() as string);
        pos = gt + 1;
        continue;
      }
      if (c === 33 /* ! */) {
        if (b.startsWith('<!--', lt)) {
          const end = b.indexOf('-->', lt + 4);
          if (end < 0) return b.slice(lt);
          pos = end + 3;
          continue;
        }
        if (b.startsWith('<![CDATA[', lt)) {
          const end = b.indexOf(']]>', lt + 9);
          if (end < 0) return b.slice(lt);
          if (sink.wantText && stack.length > 0) sink.text(b.slice(lt + 9, end));
          pos = end + 3;
          continue;
        }
        if (len - lt < 9) return b.slice(lt);
        // <!DOCTYPE …> and anything else: no DTD, no entity declarations (XXE, billion laughs).
        throw new XmlError('DTD not allowed');
      }
      if (c === 63 /* ? */) {
        const end = b.indexOf('?>', lt + 2);
        if (end < 0) return b.slice(lt);
        pos = end + 2;
        continue;
      }
      // An element: name, attributes, then > or />.
      let i = lt + 1;
      let colon = -1;
      while (i < len) {
        const ch = b.charCodeAt(i);
        if (ch <= 32 || ch === 47 || ch === 62) break;
        if (ch === 58) colon = i;
        i++;
      }
      if (i >= len) return b.slice(lt);
      if (i === lt + 1) throw new XmlError('empty tag name');
      const tagEnd = i;
      attrs.src = b;
      attrs.n = 0;
      let selfClosing = false;
      for (;;) {
        let ch = b.charCodeAt(i);
        while (ch <= 32 && i < len) ch = b.charCodeAt(++i);
        if (i >= len) return b.slice(lt);
        if (ch === 62 /* > */) {
          i++;
          break;
        }
        if (ch === 47 /* / */) {
          if (i + 1 >= len) return b.slice(lt);
          if (b.charCodeAt(i + 1) !== 62) throw new XmlError('bad />');
          selfClosing = true;
          i += 2;
          break;
        }
        const nameStart = i;
        let local = i;
        while (i < len) {
          ch = b.charCodeAt(i);
          if (ch === 61 /* = */ || ch <= 32 || ch === 62 || ch === 47) break;
          if (ch === 58) local = i + 1;
          i++;
        }
        if (i >= len) return b.slice(lt);
        const nameEnd = i;
        while (ch <= 32 && i < len) ch = b.charCodeAt(++i);
        if (i >= len) return b.slice(lt);
        if (ch !== 61) throw new XmlError('attribute without a value');
        ch = b.charCodeAt(++i);
        while (ch <= 32 && i < len) ch = b.charCodeAt(++i);
        if (i >= len) return b.slice(lt);
        if (ch !== 34 && ch !== 39) throw new XmlError('unquoted attribute');
        const end = b.indexOf(ch === 34 ? '"' : "'", i + 1);
        if (end < 0) return b.slice(lt);
        // Namespace declarations are not attributes of the element.
        if (!(b.startsWith('xmlns', nameStart) && (nameEnd === nameStart + 5 || local === nameStart + 6))) {
          const k = attrs.n++;
          attrs.nameStart[k] = local;
          attrs.nameEnd[k] = nameEnd;
          attrs.valueStart[k] = i + 1;
          attrs.valueEnd[k] = end;
        }
        i = end + 1;
      }
      if (stack.length === 0) {
        if (this.sawRoot) throw new XmlError('second root element');
        this.sawRoot = true;
      }
      // One-letter names (c, v, f, t, r: most of a sheet) come from a table, not a fresh copy each time.
      const qname =
        tagEnd === lt + 2 ? (ONE_CHAR[b.charCodeAt(lt + 1)] ?? b.slice(lt + 1, tagEnd)) : b.slice(lt + 1, tagEnd);
      const local = colon < 0 ? qname : b.slice(colon + 1, tagEnd);
      sink.open(local, attrs, selfClosing);
      if (selfClosing) sink.close(local);
      else {
        stack.push(qname);
        this.localStack.push(local);
      }
      pos = i;
    }
    return pos < len ? b.slice(pos) : '';
  }
}

const ONE_CHAR: string[] = [];
for (let c = 65; c <= 122; c++) ONE_CHAR[c] = String.fromCharCode(c);

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!(code >= 0 && code <= 0x10ffff)) throw new XmlError('bad character reference');
    return String.fromCodePoint(code);
  });
}

/** Text content: entities, and line ends normalised as XML requires (CR LF and CR → LF). */
function unescapeText(s: string): string {
  const t = s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
  return unescapeXml(t);
}
