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
  /** A meeting's title, aliased (it was once nullable where a brief's was not). */
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

/** "Meeting 12: Its title"; an untitled meeting's title is already "Meeting 11" (the API names it by its number). */
export function meetingName(number: number | undefined, title: string | null | undefined): string {
  const byNumber = `Meeting ${number}`;
  return !title || title === byNumber ? byNumber : `${byNumber}: ${title}`;
}

/** How a record is named in lists and links. */
export function recordLabel(record: LinkableRecord): string {
  switch (record.__typename) {
    case 'Brief':
      return record.title ?? record.slug ?? 'Brief';
    case 'Lesson':
      return record.statement ?? 'Lesson';
    case 'Meeting':
      return meetingName(record.number, record.meetingTitle);
    default:
      return record.name ?? record.title ?? record.slug ?? record.id;
  }
}
