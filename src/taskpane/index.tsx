// Task-pane entry in Excel: wait for Office, pick the UI language and theme, and run the App on the Excel port.

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { ExcelWorkbookPort } from '../excel/port';
import { excelApiSupported, REQUIRED_EXCEL_API } from '../excel/requirements';
import { OrderClerkError } from '../core/errors';
import { langFromLocale } from '../core/i18n';
import type { Lang } from '../core/types';
import { App } from './App';
import { themeFromOffice } from './theme';


function showPlainMessage(text: string): void {
  const el = document.getElementById('root');
  if (!el) return;
  el.textContent = '';
  const p = document.createElement('p');
  p.className = 'plain-message';
  p.textContent = text;
  el.appendChild(p);
}

void Office.onReady(() => {
  const lang: Lang = langFromLocale(Office.context?.displayLanguage);
  if (!excelApiSupported()) {
    showPlainMessage(new OrderClerkError('apiNotSupported', { version: REQUIRED_EXCEL_API }).messageIn(lang));
    return;
  }
  const theme = themeFromOffice(Office.context.officeTheme as unknown as { bodyBackgroundColor?: string; isDarkTheme?: boolean });
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(<App port={new ExcelWorkbookPort()} lang={lang} theme={theme} />);
});
