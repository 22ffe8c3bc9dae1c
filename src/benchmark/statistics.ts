/** The value below which `fraction` of the sorted timings fall (NaN when there are none). */
export function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}
