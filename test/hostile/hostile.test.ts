// Every CLI command on every hostile or odd input (corpus.ts), each in a child process with its peak memory
// measured (resourceUsage().maxRSS at exit, plus VmRSS sampled to stop a runaway): each is answered or refused
// within 10 s and 1 GB. Time is the child's own CPU time (user + system): the machine is shared by several
// engineers' test runs, and their load must not fail ours (a run over the CPU budget alone is run once more, and
// fails when both are over); wall time is reported beside it and capped at 30 s; a refusal is one `order-clerk:`
// line naming what is wrong and leaves no output file;
// never a stack trace or "Unexpected failure"; the input never changes. The table of results is written to
// test/output/hostile/report.md.

import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE } from '../../src/core/i18n';
import { CASES, GENERATOR_VERSION, type HostileCase } from './corpus';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'order-clerk.js');
const USAGE = path.join(__dirname, 'usage.js');
const DIR = path.join(ROOT, 'test', 'output', 'hostile', `v${GENERATOR_VERSION}`);
const OUT = path.join(ROOT, 'test', 'output', 'hostile', 'out');

const BUDGET_MS = 10000;
const BUDGET_MB = 1024;
// A run past these is stopped (so a regression cannot take the machine down) and fails.
const KILL_MS = 30000;
const KILL_MB = 1800;

jest.setTimeout(10 * 60 * 1000);

interface Command {
  name: string;
  writes: boolean;
  args: (file: string, out: string) => string[];
}

const TODAY = ['--today', '2026-11-22'];
const COMMANDS: Command[] = [
  { name: 'inspect', writes: false, args: (f) => ['inspect', f, ...TODAY] },
  { name: 'validate', writes: false, args: (f) => ['validate', f, ...TODAY] },
  { name: 'flag', writes: false, args: (f) => ['flag', f, ...TODAY] },
  { name: 'report', writes: true, args: (f, o) => ['report', f, '-o', o, ...TODAY] },
  { name: 'apply', writes: true, args: (f, o) => ['apply', f, '-o', o, '--fix', ...TODAY] },
  {
    name: 'generate',
    writes: true,
    args: (f, o) => ['generate', f, '--doc', 'work-order', '--rows', '2', '-o', o, ...TODAY],
  },
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** CPU time (user + system) */
  ms: number;
  wallMs: number;
  rssMb: number;
  killed: string | null;
}

function runCli(args: string[]): Promise<Run> {
  const usageFile = path.join(OUT, `usage-${process.pid}.json`);
  fs.rmSync(usageFile, { force: true });
  const env: Record<string, string> = { ...(process.env as Record<string, string>), OC_USAGE_FILE: usageFile };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  env.LANG = 'en_US.UTF-8';
  const t0 = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', USAGE, BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sampled = 0;
    let killed: string | null = null;
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < 1e6) stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        sampled = Math.max(sampled, kb / 1024);
      } catch {
        // the child has ended
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (!killed && (sampled > KILL_MB || ms > KILL_MS)) {
        killed = sampled > KILL_MB ? `stopped at ${Math.round(sampled)} MB` : `stopped after ${KILL_MS / 1000} s`;
        child.kill('SIGKILL');
      }
    }, 50);
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let rssMb = sampled;
      let ms = wallMs;
      if (fs.existsSync(usageFile)) {
        const u = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRSS: number; user: number; system: number };
        rssMb = Math.max(rssMb, u.maxRSS / 1024);
        ms = (u.user + u.system) / 1000;
      }
      resolve({ code, stdout, stderr, ms, wallMs, rssMb, killed });
    });
  });
}

function hashOf(file: string): string | null {
  const st = fs.statSync(file);
  if (!st.isFile()) return null;
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The catalogue's English message for an error code, as a pattern ({file}, {part} … match anything). */
function messagePattern(code: string): RegExp {
  const template = CATALOGUE['en-US'][`error.${code}`];
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.*');
  return new RegExp(`^order-clerk: ${escaped}$`);
}

interface Row {
  case: string;
  what: string;
  command: string;
  answer: string;
  ms: number;
  wallMs: number;
  rssMb: number;
  ok: boolean;
  problems: string[];
}

const rows: Row[] = [];

beforeAll(() => {
  fs.mkdirSync(DIR, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });
});

afterAll(() => {
  if (rows.length === 0) return;
  const lines = [
    '| case | what | command | answer | CPU time | wall time | peak RSS |',
    '|---|---|---|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${r.what.replace(/\|/g, '\\|')} | ${r.command} | ${r.answer.replace(/\|/g, '\\|')} | ${(
          r.ms / 1000
        ).toFixed(2)} s | ${(r.wallMs / 1000).toFixed(2)} s | ${Math.round(r.rssMb)} MB |`,
    ),
  ];
  fs.writeFileSync(path.join(ROOT, 'test', 'output', 'hostile', 'report.md'), `${lines.join('\n')}\n`);
});

function check(c: HostileCase, cmd: Command, r: Run, out: string): string[] {
  const problems: string[] = [];
  if (r.killed) problems.push(r.killed);
  if (r.ms > BUDGET_MS) problems.push(`took ${(r.ms / 1000).toFixed(1)} s of CPU`);
  if (r.rssMb > BUDGET_MB) problems.push(`peak RSS ${Math.round(r.rssMb)} MB`);
  if (/\n\s+at /.test(r.stderr) || /\n\s+at /.test(r.stdout)) problems.push('stack trace');
  if (/Unexpected failure|unexpected failure/.test(r.stderr)) problems.push('"Unexpected failure"');
  const errLines = r.stderr.split('\n').filter((l) => l !== '');
  if (errLines.some((l) => !l.startsWith('order-clerk: '))) problems.push(`stray stderr: ${errLines[0]}`);
  if (c.expect === 'answered') {
    if (r.code !== 0 && r.code !== 1) problems.push(`exit ${r.code}: ${errLines[0] ?? ''}`);
    if (c.warning && !errLines.some((l) => c.warning!.test(l))) problems.push('no warning line');
  } else {
    if (r.code !== 2) problems.push(`exit ${r.code}, expected a refusal`);
    if (errLines.length !== 1) problems.push(`${errLines.length} stderr lines`);
    else if (!messagePattern(c.expect).test(errLines[0])) problems.push(`message: ${errLines[0]}`);
    if (cmd.writes && fs.existsSync(out)) problems.push('output file left behind');
  }
  return problems;
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it(`every command is ${c.expect === 'answered' ? 'answered' : `refused (${c.expect})`} within 10 s and 1 GB`, async () => {
    const file = c.file(DIR);
    const before = hashOf(file);
    const failures: string[] = [];
    for (const cmd of COMMANDS) {
      const out = path.join(OUT, `${c.name}-${cmd.name}.xlsx`);
      fs.rmSync(out, { force: true });
      let r = await runCli(cmd.args(file, out));
      let problems = check(c, cmd, r, out);
      // A process's CPU time swings by a third on this shared machine with what else runs beside it (the same
      // build's 200,000-line report: 5.8 s and 7.8 s of CPU in two CI runs): a run whose only problem is the CPU
      // budget is run once more, and fails only when that run is over it too.
      let firstMs: number | null = null;
      if (problems.length === 1 && r.ms > BUDGET_MS && r.killed === null) {
        firstMs = r.ms;
        fs.rmSync(out, { force: true });
        r = await runCli(cmd.args(file, out));
        problems = check(c, cmd, r, out);
      }
      const errLine = r.stderr.split('\n').find((l) => l !== '') ?? '';
      const answer =
        (r.code === 2
          ? `refused: ${errLine.replace(/^order-clerk: /, '').slice(0, 90)}`
          : `answered (exit ${r.code})`) +
        (firstMs === null ? '' : ` — run again: the first run took ${(firstMs / 1000).toFixed(1)} s of CPU`);
      rows.push({
        case: c.name,
        what: c.what,
        command: cmd.name,
        answer,
        ms: r.ms,
        wallMs: r.wallMs,
        rssMb: r.rssMb,
        ok: problems.length === 0,
        problems,
      });
      if (problems.length) failures.push(`${cmd.name}: ${problems.join('; ')}`);
      fs.rmSync(out, { force: true });
    }
    if (before !== null) expect(hashOf(file)).toBe(before);
    expect(failures).toEqual([]);
  });
});
