/**
 * Waiting for something a test cannot subscribe to (a statement queued in PostgreSQL, a count
 * reached): `condition` is polled on a short timer, never spun on, since the server and PostgreSQL
 * need the cores of a 2-core box. The time limit guards against a hang; it is not a speed limit.
 */
export interface WaitOptions {
  /** Gives up after this long (default a minute). */
  timeoutMilliseconds?: number;
  /** Between two looks (default 20 ms). */
  intervalMilliseconds?: number;
  /** A reason to give up at once (what was waited for can no longer happen), or undefined. */
  hopeless?: () => string | undefined;
  /** What the failure message adds: the state of things when the wait gave up. */
  explain?: () => Promise<string>;
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, options: WaitOptions = {}): Promise<void> {
  const { timeoutMilliseconds = 60_000, intervalMilliseconds = 20, hopeless, explain } = options;
  const giveUpAt = Date.now() + timeoutMilliseconds;
  while (!(await condition())) {
    const reason = hopeless?.() ?? (Date.now() > giveUpAt ? `${timeoutMilliseconds} ms passed` : undefined);
    if (reason) throw new Error(`gave up waiting for ${what}: ${reason}${explain ? `. ${await explain()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMilliseconds));
  }
}
