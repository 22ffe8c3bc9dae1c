/** Progress lines for long imports: every so many records, and not more often than a set interval. */

export interface ProgressThrottle {
  everyRecords: number;
  minimumIntervalMilliseconds: number;
  now?: () => number;
}

/**
 * Wraps `report` so that it runs only on every `everyRecords`-th record and at
 * least `minimumIntervalMilliseconds` after the start or the previous report; a
 * small import, done within the interval, reports nothing.
 */
export function throttledProgress(
  report: (imported: number, total: number) => void,
  { everyRecords, minimumIntervalMilliseconds, now = Date.now }: ProgressThrottle,
): (imported: number, total: number) => void {
  let lastReportAt = now();
  return (imported, total) => {
    if (imported % everyRecords !== 0) return;
    const time = now();
    if (time - lastReportAt < minimumIntervalMilliseconds) return;
    lastReportAt = time;
    report(imported, total);
  };
}
