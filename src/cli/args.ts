// Command-line parsing for `order-clerk` (SPEC 8). Pure: argv + env in, options or a badUsage error out.

import { DOC_TYPES, type DocType } from '../core/documents';
import { OrderClerkError } from '../core/errors';
import { langFromLocale, t } from '../core/i18n';
import { localIsoDate } from '../core/dates';
import type { Lang } from '../core/types';

export const COMMANDS = [
  'inspect',
  'validate',
  'flag',
  'report',
  'apply',
  'generate',
  'void',
  'receipts',
  'receipt',
  'import',
  'history',
  'statement',
  'update',
  'plan',
] as const;
export type Command = (typeof COMMANDS)[number];

/** Commands that write a new workbook and so need -o. */
const WRITING: Command[] = ['report', 'apply', 'generate', 'void', 'receipt', 'import', 'statement', 'plan'];

export interface CliOptions {
  command: Command;
  file: string;
  output: string | null;
  /** ISO date; the real date unless --today. */
  today: string;
  todayGiven: boolean;
  json: boolean;
  sheet: string | undefined;
  /** Language of messages; `langGiven` says --lang chose it (then it also sets the language written into the file). */
  lang: Lang;
  langGiven: boolean;
  fix: boolean;
  doc: DocType | null;
  rows: number[];
  withoutPrices: boolean;
  perCustomer: boolean;
  /** generate: --ship 5=60,7=100 (quantity per sheet row). */
  ship: Record<number, number>;
  force: boolean;
  remarks: boolean;
  copies: 1 | 3;
  company: string | undefined;
  record: boolean;
  openOnly: boolean;
  addShippedColumn: boolean;
  invoiceNo: string | undefined;
  portOfLoading: string | undefined;
  portOfDestination: string | undefined;
  /** void / receipt: the document number (--doc DN-…). */
  docNumber: string | null;
  /** receipts: --days N (default: the receiptDays setting). */
  days: number | null;
  /** receipt: --date and --note. */
  receiptDate: string | null;
  note: string | undefined;
  /** import: the PO workbook (--po), its sheet (--po-sheet), and whether accepted changes are written. */
  po: string | null;
  poSheet: string | undefined;
  applyChanges: boolean;
  /** history: --order NO and --row N. */
  order: string | undefined;
  historyRow: number | null;
  /** statement / update: --customer NAME. */
  customer: string | undefined;
  /** statement: --from / --to (ISO; default the previous month). */
  from: string | undefined;
  to: string | undefined;
  /** plan: --weeks N (default 2). */
  weeks: number;
}

export type Parsed = { help: true; lang: Lang } | ({ help: false } & CliOptions);

const VALUE_OPTIONS = new Set([
  '--today',
  '--sheet',
  '-o',
  '--output',
  '--lang',
  '--doc',
  '--rows',
  '--ship',
  '--copies',
  '--company',
  '--invoice-no',
  '--port-of-loading',
  '--port-of-destination',
  '--days',
  '--date',
  '--note',
  '--po',
  '--po-sheet',
  '--order',
  '--row',
  '--customer',
  '--from',
  '--to',
  '--weeks',
]);
const FLAG_OPTIONS = new Set([
  '--json',
  '--fix',
  '--without-prices',
  '--per-customer',
  '--force',
  '--remarks',
  '--no-record',
  '--open-only',
  '--add-shipped-column',
  '--apply-changes',
  '--help',
  '-h',
]);
/** Options that only make sense for some commands. */
const ONLY_FOR: Record<string, Command[]> = {
  '--fix': ['apply'],
  '--doc': ['generate', 'void', 'receipt'],
  '--rows': ['generate'],
  '--without-prices': ['generate'],
  '--per-customer': ['generate'],
  '--ship': ['generate'],
  '--force': ['generate'],
  '--remarks': ['generate'],
  '--copies': ['generate'],
  '--company': ['generate', 'report', 'statement', 'update', 'plan'],
  '--no-record': ['generate'],
  '--open-only': ['generate'],
  '--add-shipped-column': ['generate'],
  '--invoice-no': ['generate'],
  '--port-of-loading': ['generate'],
  '--port-of-destination': ['generate'],
  '--days': ['receipts'],
  '--date': ['receipt'],
  '--note': ['receipt'],
  '--po': ['import'],
  '--po-sheet': ['import'],
  '--apply-changes': ['import'],
  '--order': ['history'],
  '--row': ['history'],
  '--customer': ['statement', 'update'],
  '--from': ['statement'],
  '--to': ['statement'],
  '--weeks': ['plan'],
  '-o': WRITING,
};

/** Message language from the environment, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG (zh… → zh-CN). */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return langFromLocale(locale);
}

function usage(lang: Lang, key: string, params: Record<string, string | number> = {}): OrderClerkError {
  return new OrderClerkError('badUsage', { detail: t(lang, `cli.usage.${key}`, params) });
}

/** Split argv into positionals and options (`--opt value` and `--opt=value` both work). */
function tokenize(argv: string[], lang: Lang): { positionals: string[]; options: Map<string, string | true> } {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = canonical(eq > 0 ? arg.slice(0, eq) : arg);
    if (FLAG_OPTIONS.has(name)) {
      if (eq > 0) throw usage(lang, 'flagTakesNoValue', { option: name });
      options.set(name, true);
    } else if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--')))
        throw usage(lang, 'missingValue', { option: name });
      options.set(name, value);
    } else {
      throw usage(lang, 'unknownOption', { option: arg });
    }
  }
  return { positionals, options };
}

function canonical(name: string): string {
  if (name === '--output') return '-o';
  if (name === '-h') return '--help';
  return name;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined>, now: Date): Parsed {
  const envLang = langFromEnv(env);
  // Find --lang first so every later usage message speaks it.
  const langArg = argv.find((a, i) => a.startsWith('--lang=') || (a === '--lang' && i + 1 < argv.length));
  let lang = envLang;
  if (langArg) {
    const value = langArg.startsWith('--lang=') ? langArg.slice(7) : argv[argv.indexOf(langArg) + 1];
    // `--lang --today …`: the option is missing its value (not a language called "--today").
    if (langArg === '--lang' && value.startsWith('--')) throw usage(envLang, 'missingValue', { option: '--lang' });
    if (value !== 'zh-CN' && value !== 'en-US') throw usage(envLang, 'badLang', { value });
    lang = value;
  }
  const { positionals, options } = tokenize(argv, lang);
  if (options.has('--help')) return { help: true, lang };
  const [command, file, ...extra] = positionals;
  if (command === undefined) throw usage(lang, 'noCommand');
  if (!(COMMANDS as readonly string[]).includes(command)) throw usage(lang, 'unknownCommand', { command });
  const cmd = command as Command;
  if (file === undefined) throw usage(lang, 'noFile', { command: cmd });
  if (extra.length) throw usage(lang, 'extraArgument', { arg: extra[0] });
  for (const [option, commands] of Object.entries(ONLY_FOR)) {
    if (options.has(option) && !commands.includes(cmd)) throw usage(lang, 'optionNotFor', { option, command: cmd });
  }
  const output = (options.get('-o') as string | undefined) ?? null;
  if (WRITING.includes(cmd) && output === null) throw usage(lang, 'needOutput', { command: cmd });

  const todayArg = options.get('--today') as string | undefined;
  if (todayArg !== undefined && !isIsoDate(todayArg)) throw usage(lang, 'badToday', { value: todayArg });

  let doc: DocType | null = null;
  let rows: number[] = [];
  let ship: Record<number, number> = {};
  let copies: 1 | 3 = 1;
  let docNumber: string | null = null;
  let days: number | null = null;
  let receiptDate: string | null = null;
  if (cmd === 'void' || cmd === 'receipt') {
    const d = options.get('--doc') as string | undefined;
    if (d === undefined) throw usage(lang, 'needDocNumber', { command: cmd });
    if (!/^(WO|PL|DN)-\d{8}-\d{3,}$/i.test(d.trim())) throw usage(lang, 'badDocNumber', { value: d });
    docNumber = d.trim().toUpperCase();
  }
  if (cmd === 'receipt') {
    const d = options.get('--date') as string | undefined;
    if (d === undefined) throw usage(lang, 'needReceiptDate');
    if (!isIsoDate(d)) throw usage(lang, 'badReceiptDate', { value: d });
    receiptDate = d;
  }
  if (cmd === 'receipts' && options.has('--days')) {
    const d = String(options.get('--days'));
    if (!/^\d{1,3}$/.test(d)) throw usage(lang, 'badDays', { value: d });
    days = Number(d);
  }
  let po: string | null = null;
  let historyRow: number | null = null;
  if (cmd === 'import') {
    const p = options.get('--po') as string | undefined;
    if (p === undefined || p.trim() === '') throw usage(lang, 'needPo');
    po = p;
  }
  if (cmd === 'history' && options.has('--row')) {
    const r = String(options.get('--row'));
    if (!/^\d{1,7}$/.test(r) || Number(r) < 1) throw usage(lang, 'badRow', { value: r });
    historyRow = Number(r);
  }
  let customer: string | undefined;
  let from: string | undefined;
  let to: string | undefined;
  if (cmd === 'statement' || cmd === 'update') {
    customer = text(options.get('--customer'));
    if (customer === undefined) throw usage(lang, 'needCustomer', { command: cmd });
    for (const option of ['--from', '--to'] as const) {
      const v = options.get(option) as string | undefined;
      if (v !== undefined && !isIsoDate(v)) throw usage(lang, 'badPeriodDate', { option, value: v });
    }
    from = options.get('--from') as string | undefined;
    to = options.get('--to') as string | undefined;
    if (from && to && from > to) throw usage(lang, 'periodReversed', { from, to });
  }
  let weeks = 2;
  if (options.has('--weeks')) {
    const w = String(options.get('--weeks'));
    if (!/^\d{1,2}$/.test(w) || Number(w) < 1 || Number(w) > 52) throw usage(lang, 'badWeeks', { value: w });
    weeks = Number(w);
  }
  if (cmd === 'generate') {
    const d = options.get('--doc') as string | undefined;
    if (d === undefined) throw usage(lang, 'needDoc');
    if (!(DOC_TYPES as string[]).includes(d)) throw usage(lang, 'badDoc', { value: d });
    doc = d as DocType;
    const r = options.get('--rows') as string | undefined;
    if (r === undefined) throw usage(lang, 'needRows');
    const parsed = parseRows(r);
    if (!parsed) throw usage(lang, 'badRows', { value: r });
    rows = parsed;
    const s = options.get('--ship') as string | undefined;
    if (s !== undefined) {
      if (doc === 'work-order') throw usage(lang, 'shipNotForWorkOrder');
      const p = parseShip(s);
      if (!p) throw usage(lang, 'badShip', { value: s });
      const strays = Object.keys(p)
        .map(Number)
        .filter((row) => !rows.includes(row));
      if (strays.length) throw usage(lang, 'shipNotInRows', { rows: strays.join(', ') });
      ship = p;
    }
    const c = options.get('--copies') as string | undefined;
    if (c !== undefined) {
      if (c !== '1' && c !== '3') throw usage(lang, 'badCopies', { value: c });
      if (doc !== 'delivery-note' && c === '3') throw usage(lang, 'copiesOnlyNote');
      copies = c === '3' ? 3 : 1;
    }
  }
  return {
    help: false,
    command: cmd,
    file,
    output,
    today: todayArg ?? localIsoDate(now),
    todayGiven: todayArg !== undefined,
    json: options.has('--json'),
    sheet: options.get('--sheet') as string | undefined,
    lang,
    langGiven: langArg !== undefined,
    fix: options.has('--fix'),
    doc,
    rows,
    withoutPrices: options.has('--without-prices'),
    perCustomer: options.has('--per-customer'),
    ship,
    force: options.has('--force'),
    remarks: options.has('--remarks'),
    copies,
    company: text(options.get('--company')),
    record: !options.has('--no-record'),
    openOnly: options.has('--open-only'),
    addShippedColumn: options.has('--add-shipped-column'),
    invoiceNo: text(options.get('--invoice-no')),
    portOfLoading: text(options.get('--port-of-loading')),
    portOfDestination: text(options.get('--port-of-destination')),
    docNumber,
    days,
    receiptDate,
    note: text(options.get('--note')),
    po,
    poSheet: text(options.get('--po-sheet')),
    applyChanges: options.has('--apply-changes'),
    order: text(options.get('--order')),
    historyRow,
    customer,
    from,
    to,
    weeks,
  };
}

function text(v: string | true | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** "5=60,7=100" → {5: 60, 7: 100}; null when it is not such a list (quantities must be above 0). */
export function parseShip(s: string): Record<number, number> | null {
  const out: Record<number, number> = {};
  for (const part of s.split(',')) {
    const m = /^\s*(\d+)\s*[=:]\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m) return null;
    const row = Number(m[1]);
    const q = Number(m[2]);
    if (row < 1 || !(q > 0) || row in out) return null;
    out[row] = q;
  }
  return Object.keys(out).length ? out : null;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "5,7-9" → [5, 7, 8, 9] (ascending, unique), or null when it is not a row list. */
export function parseRows(s: string): number[] | null {
  const rows = new Set<number>();
  for (const part of s.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a || b - a > 1048576 || b > 1048576) return null;
    for (let r = a; r <= b; r++) rows.add(r);
  }
  return rows.size ? Array.from(rows).sort((x, y) => x - y) : null;
}
