/**
 * Runs some work in the background when woken, one run at a time: a wake during a run
 * asks for one more run after it (however many wakes came), and nothing runs once
 * stopped. The change feed's follower and the webhook dispatcher drain their tables so.
 */
export class CoalescedRun {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly work: () => Promise<void>) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.work().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** No more runs; resolves once the current one (if any) has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
