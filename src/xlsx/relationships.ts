// Relationships and part names of an .xlsx package as the reader follows them: a relationship target resolved
// against its source part, the .rels part of a part, and a relationship's kind (transitional or strict alike).

export const REL_OFFICE_DOCUMENT = '/officeDocument';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Folder of a part ("xl/workbook.xml" → "xl/"). */
function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** A relationship target resolved against its source part, as a part name without leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : folderOf(sourcePart) + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.map(decodeUriSegment).join('/');
}

function decodeUriSegment(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPartOf(part: string): string {
  return `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;
}

/** A relationship type by its last segment: transitional and strict OOXML differ only before it. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/'));
}
