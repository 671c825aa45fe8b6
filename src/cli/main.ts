// `order-clerk` entry point (SPEC 8). Every failure becomes one `order-clerk: …` line on stderr and exit 2;
// the input file is only ever read.

import { OrderClerkError } from '../core/errors';
import { t } from '../core/i18n';
import type { Lang } from '../core/types';
import { langFromEnv, parseArgs } from './args';
import { runCommand } from './commands';
import { oneLine } from './format';
import { setNodeZlib } from '../xlsx/nodeZlib';

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_FAILED = 2;

export interface CliIo {
  stdout: (s: string) => Promise<void>;
  stderr: (s: string) => Promise<void>;
  env: Record<string, string | undefined>;
  now: () => Date;
}

function writer(stream: NodeJS.WriteStream): (s: string) => Promise<void> {
  // A closed pipe (`order-clerk flag … | head -1`: EPIPE) or another output error ends the output quietly: the
  // command still finishes with its usual exit code, and no stack trace is printed.
  let broken = false;
  stream.on('error', () => {
    broken = true;
  });
  // Resolve once the text is handed to the OS, so process.exit after main() never cuts output short.
  return (s) =>
    new Promise((resolve) => {
      if (broken) return resolve();
      try {
        stream.write(s, () => resolve());
      } catch {
        broken = true;
        resolve();
      }
    });
}

const NODE_IO: CliIo = {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  env: process.env,
  now: () => new Date(),
};

export async function main(argv: string[], io: CliIo = NODE_IO): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  setNodeZlib();
  try {
    const parsed = parseArgs(argv, io.env, io.now());
    lang = parsed.lang;
    if (parsed.help) {
      await io.stdout(`${t(lang, 'cli.help')}\n`);
      return EXIT_OK;
    }
    const out = await runCommand(parsed, io.now());
    await io.stdout(out.text.endsWith('\n') ? out.text : `${out.text}\n`);
    for (const w of out.warnings) await io.stderr(`order-clerk: ${oneLine(w)}\n`);
    return out.exitCode;
  } catch (e) {
    await io.stderr(`order-clerk: ${oneLine(failureMessage(e, lang))}\n`);
    return EXIT_FAILED;
  }
}

/** What the clerk reads when something stops the command: the catalogue message, never a stack trace. */
export function failureMessage(e: unknown, lang: Lang): string {
  if (e instanceof OrderClerkError) {
    if (e.code === 'writeFailed' && typeof e.params.detail === 'string') {
      const key = `cli.io.${e.params.detail}`;
      const detail = t(lang, key);
      if (detail !== key) return new OrderClerkError('writeFailed', { ...e.params, detail }).messageIn(lang);
    }
    return e.messageIn(lang);
  }
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return t(lang, 'cli.unexpected', { detail: oneLine(detail).slice(0, 160) });
}
