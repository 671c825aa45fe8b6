// Running the CLI in-process on the clerk workbook (test/xlsx/clerkWorkbook.ts): shared by the loss test and the
// LibreOffice check.

import { main, type CliIo } from '../../src/cli/main';

export const WRITING_COMMANDS: { name: string; args: string[] }[] = [
  { name: 'apply', args: ['apply'] },
  { name: 'apply-fix', args: ['apply', '--fix'] },
  { name: 'report', args: ['report'] },
  { name: 'work-order', args: ['generate', '--doc', 'work-order', '--rows', '4,5'] },
  { name: 'packing-list', args: ['generate', '--doc', 'packing-list', '--rows', '6,7'] },
  // --no-record: the recorded shipment's logged cells are the property tests' concern (test/property)
  { name: 'delivery-note', args: ['generate', '--doc', 'delivery-note', '--rows', '6,7', '--no-record'] },
];

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: async (s) => void (stdout += s),
    stderr: async (s) => void (stderr += s),
    env: { LANG: 'en_US.UTF-8' },
    now: () => new Date(2026, 10, 22, 9, 30),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
