// Ribbon commands (ExecuteFunction): "Check" and "Flag delays" run the pane's own actions (src/taskpane/actions) on
// the active order sheet through the ExcelWorkbookPort and tell the clerk the result in a small dialog.
// event.completed() is always called.

import { applyWarningTexts } from '../core/applyWarnings';
import { issueCounts } from '../core/checks';
import { localIsoDate } from '../core/dates';
import { OrderClerkError } from '../core/errors';
import { langFromLocale, t } from '../core/i18n';
import type { WorkbookPort } from '../core/port';
import { findSheet } from '../core/snapshot';
import type { Lang, Understanding, WorkbookSnapshot } from '../core/types';
import { HEADER_SCAN_ROWS, understand } from '../core/understand';
import { ExcelWorkbookPort } from '../excel/port';
import { applyDelayFlags, checkSheet, missingList, type ActionContext } from '../taskpane/actions';

export interface CommandOptions {
  today: string; // YYYY-MM-DD
  lang: Lang;
}

function contextOf(port: WorkbookPort, opts: CommandOptions, withMasters: boolean): ActionContext {
  return {
    port,
    lang: opts.lang,
    today: opts.today,
    sheet: null,
    now: () => new Date(),
    readOrders: () => readForCommand(port, opts.today, withMasters),
  };
}

/**
 * Only what a command needs (add-in commands are stopped after 5 minutes): the active sheet and the settings in full,
 * every other sheet's first rows (enough to find the header row and the masters). When the order sheet — or, for
 * Check, the price list or customer list — turns out to be another sheet, that sheet is read in full too; when
 * the first rows are not enough to tell, everything is read.
 */
export async function readForCommand(
  port: WorkbookPort,
  today: string,
  withMasters: boolean,
): Promise<{ wb: WorkbookSnapshot; u: Understanding }> {
  const headRows = HEADER_SCAN_ROWS;
  let wb = await port.read(undefined, { sheets: 'active', headRows });
  let u: Understanding;
  try {
    u = understand(wb, { today });
  } catch {
    wb = await port.read();
    return { wb, u: understand(wb, { today }) };
  }
  const wanted = [u.order.sheet];
  if (withMasters)
    wanted.push(...[u.order.masters.products, u.order.masters.customers].filter((n): n is string => !!n));
  if (wanted.some((n) => findSheet(wb, n)?.partial)) {
    wb = await port.read(undefined, { sheets: wanted, headRows });
    u = understand(wb, { today, sheet: u.order.sheet });
  }
  return { wb, u };
}

/** The pane's Check on every order line; checking never changes the sheet. Selects the first problem cell. */
export async function checkOrdersCommand(port: WorkbookPort, opts: CommandOptions): Promise<string> {
  const { issues, u, missing } = await checkSheet(contextOf(port, opts, true), 'sheet');
  const rows = u.order.dataRows.length;
  // Never a silent all-clear (SPEC 3): without a quantity or due-date column the counts are no answer.
  if (missing.length) {
    await port.select(u.order.sheet, issues[0].cell);
    return t(opts.lang, 'command.checkedMissing', {
      rows,
      fields: missingList(opts.lang, missing),
      ...issueCounts(issues),
    });
  }
  if (issues.length === 0) return t(opts.lang, 'command.checkedClean', { rows });
  await port.select(u.order.sheet, issues[0].cell);
  return t(opts.lang, 'command.checked', { rows, ...issueCounts(issues) });
}

/** The pane's delay flags: the live rules, and the classes counted as of today. */
export async function flagDelaysCommand(port: WorkbookPort, opts: CommandOptions): Promise<string> {
  const { counts, applied } = await applyDelayFlags(contextOf(port, opts, false));
  const told = t(opts.lang, 'command.flagged', { ...counts });
  return [told, ...(applied ? applyWarningTexts(applied, opts.lang) : [])].join('\n');
}

export function failureMessage(e: unknown, lang: Lang): string {
  if (e instanceof OrderClerkError) return e.messageIn(lang);
  return t(lang, 'command.failed', { detail: e instanceof Error ? e.message : String(e) });
}

type Command = (port: WorkbookPort, opts: CommandOptions) => Promise<string>;

/** The names the manifest's ExecuteFunction buttons call. */
export const COMMANDS: Record<string, Command> = {
  checkOrders: checkOrdersCommand,
  flagDelays: flagDelaysCommand,
};

function officeLang(): Lang {
  return langFromLocale(Office.context?.displayLanguage);
}

/** Show `message` in a small dialog (this same page with ?notice=…); resolves when it closes. */
function notify(message: string): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(window.location.href);
    url.search = `?notice=${encodeURIComponent(message)}&lang=${officeLang()}`;
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = res.value;
      // Never leave the command spinning: close the notice after a minute at most.
      const timer = setTimeout(() => {
        dialog.close();
        resolve();
      }, 60_000);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        done();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    });
  });
}

function runFromRibbon(command: Command) {
  return async (event: Office.AddinCommands.Event) => {
    const lang = officeLang();
    let message: string;
    try {
      message = await command(new ExcelWorkbookPort(), { today: localIsoDate(), lang });
    } catch (e) {
      message = failureMessage(e, lang);
    }
    try {
      await notify(message);
    } finally {
      event.completed();
    }
  };
}

/** Inside the notice dialog: show the text and an OK button that closes it. */
function renderNotice(params: URLSearchParams): void {
  const lang: Lang = params.get('lang') === 'zh-CN' ? 'zh-CN' : 'en-US';
  document.documentElement.lang = lang;
  const p = document.createElement('p');
  p.textContent = params.get('notice') ?? '';
  p.setAttribute('role', 'status');
  const ok = document.createElement('button');
  ok.textContent = t(lang, 'command.ok');
  ok.addEventListener('click', () => Office.context.ui.messageParent('close'));
  document.body.replaceChildren(p, ok);
  ok.focus();
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    const params = new URLSearchParams(window.location.search);
    if (params.has('notice')) return renderNotice(params);
    for (const [name, command] of Object.entries(COMMANDS)) Office.actions.associate(name, runFromRibbon(command));
  });
}
