// Runs the `order-clerk` command in-process (main(argv, io)) and captures what it prints, plus helpers shared by the
// reliability tests: temp dirs, writing ExcelJS workbooks, file hashes.

import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { WorkbookSnapshot } from '../../src/core/types';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { writeWorkbookBuffer } from '../../src/xlsx/write';

export const NOW = new Date(2026, 10, 22, 9, 30, 0);
export const TODAY_ARGS = ['--today', '2026-11-22'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Non-empty stderr lines. */
  errLines: string[];
}

/** Run the CLI with LANG in the environment (zh → zh_CN.UTF-8). */
export async function cli(args: string[], lang: 'en' | 'zh' = 'en'): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: async (s) => {
      stdout += s;
    },
    stderr: async (s) => {
      stderr += s;
    },
    env: { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' },
    now: () => NOW,
  });
  return { code, stdout, stderr, errLines: stderr.split('\n').filter((l) => l !== '') };
}

/** Exit 2, exactly one stderr line `order-clerk: <message>`, no stack frame. */
export function expectOneLineFailure(r: CliRun, message: string): void {
  expect(r.code).toBe(2);
  expect(r.errLines).toEqual([`order-clerk: ${message}`]);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

export function makeTmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `order-clerk-${prefix}-`));
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<string> {
  fs.writeFileSync(file, await writeWorkbookBuffer(wb));
  return file;
}

export async function readBack(file: string): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  return readWorkbookBuffer(fs.readFileSync(file), file);
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
