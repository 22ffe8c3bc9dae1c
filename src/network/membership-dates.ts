/**
 * Whether a district was a member of a network when a brief came out, as far as the membership's dates say: what a
 * brief studies through a network takes in only the districts that were members then (Sanger Unified, which left CORE
 * in 2014, is not inferred to be studied by a 2019 report on CORE). Dates are stored as the first day of their year or
 * month, so they compare by year: a membership that ended in the brief's year, or began in it, still counts, and an
 * undated membership or brief always does.
 */
export function memberWhenPublished(membership: string, brief: string): string {
  return `(${brief}.published_on IS NULL
    OR ((${membership}.left_on IS NULL OR ${membership}.left_on >= date_trunc('year', ${brief}.published_on)::date)
        AND (${membership}.joined_on IS NULL OR date_trunc('year', ${membership}.joined_on)::date <= ${brief}.published_on)))`;
}
