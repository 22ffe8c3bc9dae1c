/**
 * Stable explorer URLs of records, by their human keys: /briefs/{slug}, /meetings/{number}, …
 * Lessons have no human key of their own, so they use their global ID (stable across renames).
 */
export interface LinkableRecord {
  __typename?: string;
  id: string;
  slug?: string;
  number?: number;
  title?: string | null;
  /** A meeting's title, aliased: it is optional where a brief's is not. */
  meetingTitle?: string | null;
  name?: string;
  shortName?: string | null;
  statement?: string;
  dateRange?: string;
}

const collectionOf: Record<string, string> = {
  Brief: 'briefs',
  Theme: 'themes',
  District: 'districts',
  DistrictNetwork: 'networks',
  Organization: 'organizations',
  Person: 'people',
};

/** The path inside /explore, or undefined for types that have no page. */
export function recordPath(record: LinkableRecord): string | undefined {
  const type = record.__typename ?? '';
  if (type === 'Lesson') return `/lessons/${encodeURIComponent(record.id)}`;
  if (type === 'Meeting' && record.number !== undefined) return `/meetings/${record.number}`;
  const collection = collectionOf[type];
  return collection && record.slug ? `/${collection}/${encodeURIComponent(record.slug)}` : undefined;
}

export const typeLabels: Record<string, string> = {
  Brief: 'Brief',
  Lesson: 'Lesson',
  Meeting: 'Meeting',
  Theme: 'Theme',
  District: 'District',
  DistrictNetwork: 'Network',
  Organization: 'Organization',
  Person: 'Person',
};

/** How a record is named in lists and links. */
export function recordLabel(record: LinkableRecord): string {
  switch (record.__typename) {
    case 'Brief':
      return record.title ?? record.slug ?? 'Brief';
    case 'Lesson':
      return record.statement ?? 'Lesson';
    case 'Meeting':
      return `Meeting ${record.number}${record.meetingTitle ? `: ${record.meetingTitle}` : ''}`;
    default:
      return record.name ?? record.title ?? record.slug ?? record.id;
  }
}
