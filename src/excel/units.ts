// The writes as units: each unit is queued in one go and carries an estimate of its request bytes; runUnits packs
// them into batches under the request budget and splits a batch Excel refuses for its size. The byte estimates
// (RANGE_BYTES, SET_BYTES, CALL_BYTES, UNIT_BYTES) and the row slicing every writer of blocks uses live here too.

import { gridBytes } from './chunks';
import { isPayloadTooLarge } from './read';

// Reference is silent on the request format. OfficeExtension sends, per range a unit touches, its object path and an
// instantiate action (~250 bytes of JSON), and per property set or method call an action record (~100 bytes) plus the
// value; the estimates err high so a batch stays under Excel on the web's 5 MB.
export const RANGE_BYTES = 250;
export const SET_BYTES = 100;
/** A call that creates or touches a few objects (a sheet, a table, a chart, a rule). */
export const CALL_BYTES = RANGE_BYTES + 2 * SET_BYTES;
/** Cells and rows go in units of at most this much, so a refused batch can be split finely enough to pass. */
export const UNIT_BYTES = 256_000;

/** One piece of the writes: queued in one go, so it is never split across batches. */
export interface Unit {
  bytes: number;
  queue: () => void;
  /** Running it twice would not give the same workbook (adds something, deletes by position). */
  once?: boolean;
}

/** Runs the units in batches under `budget`; a batch Excel refuses for its size is split in two and retried. */
export async function runUnits(
  ctx: Excel.RequestContext,
  units: Unit[],
  budget: number,
  progress: (done: number) => void,
): Promise<void> {
  let done = 0;
  const run = async (batch: Unit[]): Promise<void> => {
    for (const u of batch) u.queue();
    try {
      await ctx.sync();
    } catch (e) {
      const code = (e as { code?: string })?.code;
      // "RequestPayloadSizeLimitExceeded: The request payload size has exceeded the limit" — refused before it ran.
      // For ResponsePayloadSizeLimitExceeded the reference is silent on whether the batch ran: retried only when
      // every unit in it can run twice.
      const retry =
        isPayloadTooLarge(e) &&
        batch.length > 1 &&
        (code === 'RequestPayloadSizeLimitExceeded' || batch.every((u) => !u.once));
      if (!retry) throw e;
      const half = Math.ceil(batch.length / 2);
      await run(batch.slice(0, half));
      await run(batch.slice(half));
      return;
    }
    done += batch.length;
    progress(done);
  };
  let start = 0;
  while (start < units.length) {
    let end = start;
    let bytes = 0;
    while (end < units.length && (end === start || bytes + units[end].bytes <= budget)) bytes += units[end++].bytes;
    await run(units.slice(start, end));
    start = end;
  }
}

/** [start, end) row slices whose values (and formats) stay under `budget` bytes; at least one row each. */
export function sliceRows(values: unknown[][], formats: unknown[][] | null, budget: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < values.length) {
    let end = start;
    let bytes = 0;
    while (end < values.length) {
      const row = gridBytes([values[end]]) + (formats ? gridBytes([formats[end]]) : 0);
      if (end > start && bytes + row > budget) break;
      bytes += row;
      end++;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}
