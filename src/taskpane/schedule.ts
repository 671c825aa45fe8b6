// Letting the browser breathe between long steps: core stays pure and synchronous, the pane awaits a macrotask
// between read, understand, check and render, so clicks, scrolling and progress paint between them.

/** Resolve on the next macrotask (after React has painted what was set before). */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Run `work` after a yield, so whatever was set before (progress, "checking…") is drawn first. */
export async function afterYield<T>(work: () => T): Promise<T> {
  await yieldToBrowser();
  return work();
}
