/** The value below which `fraction` of the sorted timings fall (NaN when there are none). */
export function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

/** The median of `values` in any order, leaving out values that are not finite (NaN when none are). */
export function median(values: number[]): number {
  return percentile(
    values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b),
    0.5,
  );
}
