// manifest.xml, parsed with a tiny tag parser (no DOM in Node): identity, permissions, requirement set, URLs,
// icons (real PNG sizes), resource ids and the ExecuteFunction names the commands file associates.

import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { REQUIRED_EXCEL_API } from '../src/excel/requirements';

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body))) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) {
      top.text += m[5].trim();
      continue;
    }
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (top.name !== name) throw new Error(`mismatched </${name}> in <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
    const node: XmlNode = { name, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

function all(n: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (x: XmlNode) => {
    if (x.name === name) out.push(x);
    x.children.forEach(walk);
  };
  walk(n);
  return out;
}
const one = (n: XmlNode, name: string) => {
  const found = all(n, name);
  expect(found).toHaveLength(1);
  return found[0];
};

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const root = join(__dirname, '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const doc = parseXml(xml);
const app = one(doc, 'OfficeApp');

describe('manifest.xml', () => {
  test('is a task pane add-in for workbooks with a fixed GUID and read/write access', () => {
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(one(app, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(one(app, 'Permissions').text).toBe('ReadWriteDocument');
    const hosts = app.children.find((c) => c.name === 'Hosts')!;
    expect(hosts.children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(one(app, 'AppDomains').children).toEqual([]);
  });

  test('requires the ExcelApi set the adapter needs', () => {
    const set = all(one(app, 'Requirements'), 'Set');
    expect(set.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', REQUIRED_EXCEL_API]]);
  });

  test('every URL is https on the development host', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
    expect(one(one(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(
      'https://localhost:3000/taskpane.html',
    );
  });

  test('every icon exists as a PNG of the stated size', () => {
    const sized: [string, number][] = [
      [one(app, 'IconUrl').attrs.DefaultValue, 32],
      [one(app, 'HighResolutionIconUrl').attrs.DefaultValue, 64],
    ];
    for (const img of all(one(app, 'bt:Images'), 'bt:Image'))
      sized.push([img.attrs.DefaultValue, Number(/(\d+)x\1/.exec(img.attrs.id)![1])]);
    expect(sized).toHaveLength(5);
    for (const [url, size] of sized) {
      const file = join(root, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128])
      expect(pngSize(join(root, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  test('every resid points at a resource, and icon sizes match the resource they use', () => {
    const resources = one(app, 'Resources');
    const ids = new Set(
      all(resources, 'bt:Image')
        .concat(all(resources, 'bt:Url'), all(resources, 'bt:String'))
        .map((n) => n.attrs.id),
    );
    const refs = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(ids).toContain(r);
    for (const img of all(one(app, 'VersionOverrides'), 'bt:Image').filter((i) => i.attrs.resid)) {
      expect(img.attrs.resid).toBe(`Icon.${img.attrs.size}x${img.attrs.size}`);
    }
    for (const s of all(resources, 'bt:ShortStrings').flatMap((n) => n.children)) {
      expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
      expect(s.children.map((o) => o.attrs.Locale)).toEqual(['zh-CN']);
    }
  });

  test('the Home tab group has Show, Check and Flag delays; function names match Office.actions.associate', () => {
    const tab = one(app, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const controls = all(tab, 'Control');
    expect(controls.map((c) => one(c, 'Action').attrs['xsi:type'])).toEqual([
      'ShowTaskpane',
      'ExecuteFunction',
      'ExecuteFunction',
    ]);
    const fnNames = all(tab, 'FunctionName').map((f) => f.text);
    expect(fnNames).toEqual(['checkOrders', 'flagDelays']);
    const source = readFileSync(join(root, 'src/commands/commands.ts'), 'utf8');
    const commandsBlock = /export const COMMANDS[^{]*\{([^}]*)\}/.exec(source)![1];
    const associated = [...commandsBlock.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]);
    expect(associated.sort()).toEqual([...fnNames].sort());
    expect(source).toMatch(/Office\.actions\.associate\(name, /);
    const labels = Object.fromEntries(
      all(one(app, 'bt:ShortStrings'), 'bt:String').map((s) => [s.attrs.id, s.attrs.DefaultValue]),
    );
    expect(labels['Group.Label']).toBe('Order Clerk');
    expect(controls.map((c) => labels[one(c, 'Label').attrs.resid])).toEqual([
      'Show Order Clerk',
      'Check',
      'Flag delays',
    ]);
  });
});
