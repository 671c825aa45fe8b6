// The self-test page (dist/selftest.html, sideloaded with manifest.selftest.xml): Excel's version and platform, a run
// button, the pass/fail table as the checks finish, and the results as text to paste into the project's issue tracker.

import { localIsoDate } from '../core/dates';
import { langFromLocale, t } from '../core/i18n';
import type { Lang } from '../core/types';
import { ExcelWorkbookPort, type ExcelRun } from '../excel/port';
import { runSelfTest, type CheckResult } from './run';

const API_SETS = ['1.1', '1.2', '1.4', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.17'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Office.context.diagnostics: "Gets information about the environment in which the add-in is running." */
function environment(lang: Lang): string[] {
  const d = Office.context.diagnostics;
  const sets = API_SETS.filter((v) => Office.context.requirements.isSetSupported('ExcelApi', v));
  return [
    t(lang, 'selftest.env', {
      version: d?.version ?? '?',
      platform: String(d?.platform ?? '?'),
      host: String(d?.host ?? '?'),
    }),
    t(lang, 'selftest.apis', { sets: sets.join(', ') || '—' }),
    `${Office.context.displayLanguage} · ${navigator.userAgent}`,
  ];
}

function render(lang: Lang): void {
  document.documentElement.lang = lang;
  const root = document.getElementById('root')!;
  const env = environment(lang);
  const button = el('button', t(lang, 'selftest.run'));
  const table = el('table');
  const head = el('tr');
  for (const k of ['check', 'outcome', 'detail']) head.append(el('th', t(lang, `selftest.col.${k}`)));
  table.append(head);
  const summary = el('p');
  summary.setAttribute('role', 'status');
  const report = el('textarea');
  report.readOnly = true;
  report.setAttribute('aria-label', t(lang, 'selftest.report'));
  root.replaceChildren(
    el('h1', t(lang, 'selftest.title')),
    el('p', t(lang, 'selftest.intro')),
    ...env.map((line) => el('p', line, 'env')),
    button,
    table,
    summary,
    el('p', t(lang, 'selftest.report')),
    report,
  );
  const results: CheckResult[] = [];
  const show = (r: CheckResult) => {
    results.push(r);
    const row = el('tr');
    row.append(
      el('td', t(lang, `selftest.check.${r.id}`)),
      el('td', t(lang, `selftest.outcome.${r.outcome}`), r.outcome),
      el('td', r.detail),
    );
    table.append(row);
  };
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = t(lang, 'selftest.running');
    results.length = 0;
    table.replaceChildren(head);
    const run = Excel.run as ExcelRun;
    const port = new ExcelWorkbookPort(run);
    void runSelfTest(run, port, { today: localIsoDate(), now: new Date(), lang, onResult: show })
      .catch((e: unknown) => show({ id: 'blankWorkbook', outcome: 'fail', detail: String(e) }))
      .finally(() => {
        const n = (o: string) => results.filter((r) => r.outcome === o).length;
        summary.textContent = t(lang, 'selftest.summary', { pass: n('pass'), warn: n('warn'), fail: n('fail') });
        report.value = [
          'Order Clerk — Excel self-test',
          ...env,
          '',
          ...results.map((r) => `${r.outcome.toUpperCase()}\t${r.id}\t${r.detail}`),
        ].join('\n');
        button.disabled = false;
        button.textContent = t(lang, 'selftest.run');
      });
  });
}

void Office.onReady(() => render(langFromLocale(Office.context?.displayLanguage)));
