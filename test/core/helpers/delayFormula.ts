// A tiny evaluator for exactly the formula subset src/core/delay.ts emits (AND, OR, NOT, ISNUMBER, TRIM, N, TODAY,
// MATCH(…,{…},0) with Excel's wildcards (* ? and ~ to escape), SUBSTITUTE, comparisons, + and -, cell refs, number
// and string literals, one-row array constants {"a","b"}), with Excel's
// semantics: blank cells compare as 0 or "", numbers < text < booleans, text compares case-insensitively, errors
// propagate through every function but ISNUMBER; a comparison with an array constant gives an array of results, and
// AND/OR take every element of an array argument.

import { columnNumber } from '../../../src/core/address';
import { cellAt } from '../../../src/core/snapshot';
import type { CellValue, SheetSnapshot } from '../../../src/core/types';
import { isCellError } from '../../../src/core/types';

type Scalar = number | string | boolean | null | { error: string };
type Val = Scalar | Scalar[];
type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'array'; items: Node[] }
  | { t: 'ref'; col: number; row: number }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'bin'; op: string; a: Node; b: Node };

const VALUE: Scalar = { error: '#VALUE!' };

export function parseFormula(src: string): Node {
  let i = 0;
  const ws = (): void => {
    while (src[i] === ' ') i++;
  };
  const peek = (s: string): boolean => (ws(), src.startsWith(s, i));
  const eat = (s: string): void => {
    if (!peek(s)) throw new Error(`expected ${s} at ${i} in ${src}`);
    i += s.length;
  };
  const primary = (): Node => {
    ws();
    if (src[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (src[i] === undefined) throw new Error('unterminated string');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      return { t: 'str', v: s };
    }
    if (src[i] === '(') {
      i++;
      const e = comparison();
      eat(')');
      return e;
    }
    if (src[i] === '{') {
      i++;
      const items: Node[] = [primary()];
      while (peek(',')) {
        eat(',');
        items.push(primary());
      }
      eat('}');
      if (items.some((x) => x.t !== 'str' && x.t !== 'num')) throw new Error('array constants hold literals only');
      return { t: 'array', items };
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return { t: 'num', v: Number(num[0]) };
    }
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)(?![A-Z(])/.exec(src.slice(i));
    if (ref) {
      i += ref[0].length;
      return { t: 'ref', col: columnNumber(ref[1]), row: Number(ref[2]) };
    }
    const fn = /^([A-Z]+)\(/.exec(src.slice(i));
    if (fn) {
      i += fn[0].length;
      const args: Node[] = [];
      if (!peek(')')) {
        args.push(comparison());
        while (peek(',')) {
          eat(',');
          args.push(comparison());
        }
      }
      eat(')');
      return { t: 'call', name: fn[1], args };
    }
    throw new Error(`unexpected "${src.slice(i, i + 10)}" in ${src}`);
  };
  const additive = (): Node => {
    let a = primary();
    while (peek('+') || peek('-')) {
      const op = src[i++];
      a = { t: 'bin', op, a, b: primary() };
    }
    return a;
  };
  const comparison = (): Node => {
    const a = additive();
    for (const op of ['<>', '<=', '>=', '=', '<', '>']) {
      if (peek(op)) {
        i += op.length;
        return { t: 'bin', op, a, b: additive() };
      }
    }
    return a;
  };
  const e = comparison();
  ws();
  if (i !== src.length) throw new Error(`trailing "${src.slice(i)}" in ${src}`);
  return e;
}

const isErr = (v: Val): v is { error: string } => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalar = (v: Val): Scalar => {
  if (Array.isArray(v)) throw new Error('an array where one value is expected');
  return v;
};

function toText(v: Scalar): Scalar {
  if (isErr(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function toBool(v: Scalar): Scalar {
  if (isErr(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  return VALUE;
}

function toNum(v: Scalar): Scalar {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n) ? n : VALUE;
}

/** Excel's ordering: numbers < text < booleans; blank takes the other side's type. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Val): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === 'number' ? 0 : typeof b === 'string' ? '' : false;
  if (b === null) b = typeof a === 'number' ? 0 : typeof a === 'string' ? '' : false;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface EvalContext {
  sheet: SheetSnapshot;
  /** Row offset from the formula's anchor row to the row evaluated. */
  rowOffset: number;
  today: number;
}

function cellVal(v: CellValue): Val {
  if (isCellError(v)) return { error: v.error };
  if (v === '') return null; // an empty string cell reads as blank here (as an adapter would write it)
  return v;
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (op === '+' || op === '-') {
    const x = toNum(a);
    const y = toNum(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    return op === '+' ? (x as number) + (y as number) : (x as number) - (y as number);
  }
  const c = compare(a, b);
  return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op] as boolean;
}

export function evaluate(n: Node, ctx: EvalContext): Val {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'str':
      return n.v;
    case 'ref':
      return cellVal(cellAt(ctx.sheet, n.row + ctx.rowOffset, n.col));
    case 'array':
      return n.items.map((x) => scalar(evaluate(x, ctx)));
    case 'bin': {
      const a = evaluate(n.a, ctx);
      const b = evaluate(n.b, ctx);
      // Against an array constant, the operator applies to each element.
      if (Array.isArray(a) || Array.isArray(b)) {
        const xs = Array.isArray(a) ? a : null;
        const ys = Array.isArray(b) ? b : null;
        const len = (xs ?? ys)!.length;
        return Array.from({ length: len }, (_, k) => binary(n.op, xs ? xs[k] : scalar(a), ys ? ys[k] : scalar(b)));
      }
      return binary(n.op, a, b);
    }
    case 'call': {
      const all = n.args.map((a) => evaluate(a, ctx));
      if (n.name === 'AND' || n.name === 'OR') {
        const bs = all.flat().map(toBool);
        const err = bs.find(isErr);
        if (err) return err;
        return n.name === 'AND' ? bs.every((b) => b === true) : bs.some((b) => b === true);
      }
      if (n.name === 'MATCH') {
        const [value, list, type] = all;
        if (!Array.isArray(list) || type !== 0) throw new Error('MATCH(value, {array}, 0) only');
        const v = scalar(value);
        if (isErr(v)) return v;
        const re = wildcardPattern(String(toText(v)));
        const k = list.findIndex((x) => typeof x === 'string' && re.test(x));
        return k < 0 ? { error: '#N/A' } : k + 1;
      }
      const args = all.map(scalar);
      switch (n.name) {
        case 'TODAY':
          return ctx.today;
        case 'ISNUMBER':
          return typeof args[0] === 'number';
        case 'N': {
          const v = args[0];
          if (isErr(v)) return v;
          return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
        }
        case 'TRIM': {
          const v = toText(args[0]);
          return isErr(v) ? v : (v as string).replace(/ +/g, ' ').replace(/^ | $/g, '');
        }
        case 'SUBSTITUTE': {
          const [text, from, to] = args.map(toText);
          if (isErr(text)) return text;
          if (isErr(from)) return from;
          if (isErr(to)) return to;
          return from === '' ? text : (text as string).split(from as string).join(to as string);
        }
        case 'NOT': {
          const v = toBool(args[0]);
          return isErr(v) ? v : !v;
        }
        default:
          throw new Error(`function outside the emitted subset: ${n.name}`);
      }
    }
  }
}

/**
 * MATCH's exact match (type 0) on text: * is any run of characters, ? any one, ~ makes the next character literal;
 * case is ignored, as Excel's = ignores it.
 */
function wildcardPattern(p: string): RegExp {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '~' && i + 1 < p.length) out += escapeRe(p[++i]);
    else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else out += escapeRe(c);
  }
  return new RegExp(`^${out}$`, 'iu');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does a conditional-format formula apply (TRUE or a non-zero number; errors do not)? */
export function applies(n: Node, ctx: EvalContext): boolean {
  const v = evaluate(n, ctx);
  return v === true || (typeof v === 'number' && v !== 0);
}
