// Test helpers for the package writer: a workbook built with ExcelJS (or bytes) in, the plan carried out by
// applyEditsToPackage, the written bytes read back as a clerk's next command would.

import type * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { WorkbookEdit } from '../../src/core/edits';
import type { WorkbookSnapshot } from '../../src/core/types';
import { applyEditsToPackage, type PackageWriteResult } from '../../src/xlsx/package/writer';
import { readWorkbookBuffer } from '../../src/xlsx/exceljs';
import { writeWorkbookBuffer } from '../../src/xlsx/write';

export interface Written {
  result: PackageWriteResult;
  bytes: Uint8Array;
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

/** Carry out `edits` on the package `bytes` and read the output back. */
export async function writeBytes(bytes: Uint8Array, edits: WorkbookEdit[]): Promise<Written> {
  const result = await applyEditsToPackage(bytes, edits);
  const back = await readWorkbookBuffer(result.bytes, 'written.xlsx');
  return { result, bytes: result.bytes, ...back };
}

/** The same for a workbook built in memory (saved once with ExcelJS to make the input package). */
export async function writeWorkbook(wb: ExcelJS.Workbook, edits: WorkbookEdit[]): Promise<Written> {
  return writeBytes(await writeWorkbookBuffer(wb), edits);
}

/** Every part of a package as bytes, by name. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('uint8array'));
  return out;
}

export async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async('string');
}

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** A small tree of a part, read with saxes (not with the writer's own scanner). */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attrs: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: '',
    };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('cdata', (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root.children[0];
}

/** Descendants named `name` (local name), depth first. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name || c.name.endsWith(`:${name}`)) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}
