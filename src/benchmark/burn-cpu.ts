/** Keeps the processor busy for `milliseconds` (the wake benchmark's stand-in for a server's work). */
export function burnCpu(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until);
}
