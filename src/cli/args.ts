// Command-line parsing for `order-clerk` (SPEC 8). Pure: argv + env in, options or a badUsage error out.

import { DOC_TYPES, type DocType } from '../core/documents';
import { OrderClerkError } from '../core/errors';
import { langFromLocale, t } from '../core/i18n';
import { localIsoDate } from '../core/dates';
import type { Lang } from '../core/types';

export const COMMANDS = ['inspect', 'validate', 'flag', 'report', 'apply', 'generate'] as const;
export type Command = (typeof COMMANDS)[number];

/** Commands that write a new workbook and so need -o. */
const WRITING: Command[] = ['report', 'apply', 'generate'];

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
}

export type Parsed = { help: true; lang: Lang } | ({ help: false } & CliOptions);

const VALUE_OPTIONS = new Set(['--today', '--sheet', '-o', '--output', '--lang', '--doc', '--rows']);
const FLAG_OPTIONS = new Set(['--json', '--fix', '--without-prices', '--per-customer', '--help', '-h']);
/** Options that only make sense for some commands. */
const ONLY_FOR: Record<string, Command[]> = {
  '--fix': ['apply'],
  '--doc': ['generate'],
  '--rows': ['generate'],
  '--without-prices': ['generate'],
  '--per-customer': ['generate'],
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
  };
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
