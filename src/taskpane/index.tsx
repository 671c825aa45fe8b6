// Task-pane entry in Excel: wait for Office, pick the UI language and theme (and follow theme changes), and run
// the App on the Excel port; an Excel too old for the add-in gets a designed message instead.

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { ExcelWorkbookPort } from '../excel/port';
import { excelApiSupported, REQUIRED_EXCEL_API } from '../excel/requirements';
import { OrderClerkError } from '../core/errors';
import { langFromLocale } from '../core/i18n';
import type { Lang } from '../core/types';
import { App, UnsupportedPane } from './App';
import { themeFromOffice, type OfficeThemeLike, type PaneTheme } from './theme';

function officeTheme(): PaneTheme {
  return themeFromOffice(Office.context?.officeTheme as unknown as OfficeThemeLike | undefined);
}

/** Call `listener` when the clerk changes the Office theme, where the host tells (not every Excel does). */
function onOfficeThemeChanged(listener: () => void): void {
  try {
    const doc = Office.context?.document as unknown as
      { addHandlerAsync?: (type: unknown, handler: () => void, cb?: () => void) => void } | undefined;
    const type = (Office.EventType as unknown as Record<string, unknown>).OfficeThemeChanged;
    if (doc?.addHandlerAsync && type) doc.addHandlerAsync(type, listener, () => undefined);
  } catch {
    // Hosts without the event keep the theme the pane opened with.
  }
}

function ExcelPane({ lang }: { lang: Lang }): React.JSX.Element {
  const [theme, setTheme] = React.useState<PaneTheme>(officeTheme);
  const port = React.useMemo(() => new ExcelWorkbookPort(), []);
  React.useEffect(() => onOfficeThemeChanged(() => setTheme(officeTheme())), []);
  return <App port={port} lang={lang} theme={theme} />;
}

void Office.onReady(() => {
  const lang: Lang = langFromLocale(Office.context?.displayLanguage);
  document.documentElement.lang = lang;
  const root = createRoot(document.getElementById('root') as HTMLElement);
  if (!excelApiSupported()) {
    const message = new OrderClerkError('apiNotSupported', { version: REQUIRED_EXCEL_API }).messageIn(lang);
    root.render(<UnsupportedPane lang={lang} theme={officeTheme()} message={message} />);
    return;
  }
  root.render(<ExcelPane lang={lang} />);
});
