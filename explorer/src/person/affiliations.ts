/** A person's affiliations in words: the years they hold, and the organizations with them. */

/** "2011", "2011–2014", "from 2011", "until 2014", or nothing. */
export function yearSpan(startYear: number | null | undefined, endYear: number | null | undefined): string {
  if (startYear && endYear) return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
  if (startYear) return `from ${startYear}`;
  if (endYear) return `until ${endYear}`;
  return '';
}

export interface AffiliationItem {
  id: string;
  startYear?: number | null;
  endYear?: number | null;
  /** Always set; nullable in the schema only (it shares the name with a contributor's optional organization). */
  organization: { id: string; name: string } | null;
}

/** "Policy Analysis for California Education (2019)" for each affiliation, or only those with one organization. */
export function affiliationText(affiliations: readonly AffiliationItem[], organizationId?: string): string {
  return affiliations
    .filter((affiliation) => affiliation.organization && (!organizationId || affiliation.organization.id === organizationId))
    .map((affiliation) => {
      const years = yearSpan(affiliation.startYear, affiliation.endYear);
      return organizationId ? years : `${affiliation.organization?.name}${years ? ` (${years})` : ''}`;
    })
    .filter(Boolean)
    .join('; ');
}
