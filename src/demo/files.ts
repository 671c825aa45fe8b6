// The web page's file handling, no React: which files it opens, the name it offers on save, and the save itself
// (File System Access API's showSaveFilePicker where the browser has it, else a download). Nothing leaves the
// browser: the bytes go from the clerk's disk into memory and back.

export const OPENABLE = '.xlsx,.xlsm';

const TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xlsm': 'application/vnd.ms-excel.sheet.macroEnabled.12',
};

function extensionOf(name: string): '.xlsx' | '.xlsm' {
  return /\.xlsm$/i.test(name) ? '.xlsm' : '.xlsx';
}

/** The name offered on save: the opened file's name with a suffix, same extension (an .xlsm keeps its macros). */
export function saveName(opened: string): string {
  const ext = extensionOf(opened);
  const base = opened.replace(/\.(xlsx|xlsm)$/i, '') || 'workbook';
  return `${base}-跟单助手${ext}`;
}

interface SaveHandle {
  createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>;
}
type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<SaveHandle>;

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Writes `bytes` as a new file; false when the clerk cancelled the save dialog. */
export async function saveBytes(bytes: Uint8Array, name: string): Promise<boolean> {
  const ext = extensionOf(name);
  const blob = new Blob([bytes as BlobPart], { type: TYPES[ext] });
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (typeof picker !== 'function') {
    download(blob, name);
    return true;
  }
  let handle: SaveHandle;
  try {
    handle = await picker({ suggestedName: name, types: [{ description: 'Excel', accept: { [TYPES[ext]]: [ext] } }] });
  } catch (e) {
    if ((e as { name?: string }).name === 'AbortError') return false;
    throw e;
  }
  const out = await handle.createWritable();
  await out.write(blob);
  await out.close();
  return true;
}
