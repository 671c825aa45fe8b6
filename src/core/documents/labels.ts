// Bilingual labels for generated documents: the document language first, then the other one.
// The words themselves live in the one catalogue (src/core/i18n/documents.ts).

import { t } from '../i18n';
import type { Lang } from '../types';
import type { DocType } from './index';

export function otherLang(lang: Lang): Lang {
  return lang === 'zh-CN' ? 'en-US' : 'zh-CN';
}

/** "送货单 Delivery Note" (zh-CN) / "Delivery Note 送货单" (en-US); one word when both languages agree. */
export function bilingual(lang: Lang, key: string, separator = ' '): string {
  const first = t(lang, key);
  const second = t(otherLang(lang), key);
  return first === second ? first : `${first}${separator}${second}`;
}

export function docTitle(lang: Lang, type: DocType): string {
  return bilingual(lang, `doc.title.${type}`);
}

/** The one-language label that starts a document's sheet name ("送货单", "Delivery note"). */
export function docSheetLabel(lang: Lang, type: DocType): string {
  return t(lang, `doc.sheet.${type}`);
}

/** Type word in the register ("送货单" / "Delivery Note"). */
export function docTypeLabel(lang: Lang, type: DocType): string {
  return t(lang, `doc.title.${type}`);
}
