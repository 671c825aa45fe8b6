// Errors a clerk can act on. The message comes from the i18n catalogue (key `error.<code>`), so the
// task pane and the CLI say the same thing in the UI language.

import { t } from './i18n';
import type { Lang } from './types';

export type ErrorCode =
  | 'emptyWorkbook'
  | 'noOrderTable'
  | 'headersWithoutData'
  | 'sheetNotFound'
  | 'sheetProtected'
  | 'notXlsx'
  | 'corruptFile'
  | 'fileNotFound'
  | 'outputIsInput'
  | 'noRowsSelected'
  | 'rowsNotOrderLines'
  | 'mixedCustomers'
  | 'apiNotSupported'
  | 'badUsage'
  | 'writeFailed'
  | 'tableHeadersInvalid'
  | 'tableNotGrown'
  | 'tableConflict'
  | 'tableNotFound'
  | 'shipRefused'
  | 'documentNotFound'
  | 'alreadyVoid'
  | 'customerNotFound'
  | 'macrosNeedXlsm'
  | 'noMacrosNeedXlsx'
  // What a file is when it is not an .xlsx we can read, and limits that protect the clerk's computer (#16, #21).
  | 'encrypted'
  | 'xlsbFile'
  | 'xlsFile'
  | 'odsFile'
  | 'csvFile'
  | 'permissionDenied'
  | 'isFolder'
  | 'notRegularFile'
  | 'fileTooLarge'
  | 'partTooLarge'
  | 'zipBomb'
  // Customer POs in (#18).
  | 'poNoKeyColumn'
  | 'poNoRoom';

export class OrderClerkError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    super(t('en-US', `error.${code}`, params));
    this.name = 'OrderClerkError';
    this.code = code;
    this.params = params;
  }
  messageIn(lang: Lang): string {
    return t(lang, `error.${this.code}`, this.params);
  }
}
