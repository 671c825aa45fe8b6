// Macros and the file's extension: whether a package is macro-enabled, and the refusal when the output's name
// does not fit it (.xlsm for macros, .xlsx without).

import { OrderClerkError } from '../../core/errors';
import type { Package } from './parts';

/** True for a macro-enabled workbook (its main part's content type, or a VBA project part). */
export async function hasMacros(pkg: Package): Promise<boolean> {
  const main = await pkg.contentTypeOf(await pkg.workbookPath());
  if (main && /macroEnabled/i.test(main)) return true;
  return pkg.names().some((n) => /(^|\/)vbaProject\.bin$/i.test(n));
}

/** Macros cannot go into an .xlsx, and Excel refuses a macro-free package named .xlsm: say which to use. */
export async function refuseWrongExtension(pkg: Package, output: string, input: string): Promise<void> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(output)?.[1]?.toLowerCase() ?? '';
  const macros = await hasMacros(pkg);
  const stem = output.replace(/\.[A-Za-z0-9]+$/, '');
  if (macros && ext === 'xlsx') throw new OrderClerkError('macrosNeedXlsm', { file: input, suggest: `${stem}.xlsm` });
  if (!macros && ext === 'xlsm')
    throw new OrderClerkError('noMacrosNeedXlsx', { file: input, suggest: `${stem}.xlsx` });
}
