/**
 * A brief as a CSL-JSON item, the data model of citation processors and reference
 * managers (Zotero, Mendeley, citation-js): the byline as people ("family, given" from
 * the sort name) and organizations (literal names), the date only as precisely as it is
 * known (an undated brief has no `issued`, so styles print "n.d."), identifiers in the
 * fields made for them (DOI, ISBN; ERIC as archive and location, as Zotero records it),
 * and the meeting a brief follows up, which no CSL variable holds, in `note` (carried
 * into BibTeX `note` and RIS `N1` too).
 */
import { formatDateRange } from '../shared/calendar';
import type { PublicationContributor, PublicationRecord } from './publication-record';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
export type CslItem = Record<string, unknown> & { id: string; type: string; title: string };

const genres: Record<string, string> = {
  POLICY_BRIEF: 'Policy brief',
  REPORT: 'Report',
  RESEARCH_PAPER: 'Research paper',
  MEETING_SUMMARY: 'Meeting summary',
  CASE_STUDY: 'Case study',
};

function cslName(contributor: PublicationContributor): CslName {
  if (contributor.organization) return { literal: contributor.organization.name };
  const person = contributor.person!;
  const comma = person.sortName.indexOf(', ');
  return comma > 0 ? { family: person.sortName.slice(0, comma), given: person.sortName.slice(comma + 2) } : { literal: person.name };
}

/** [[year]], [[year, month]] or [[year, month, day]]: as precise as the record says. */
export function dateParts(date: string, precision: string | null): number[] {
  const [year, month, day] = date.split('-').map(Number);
  if (precision === 'YEAR') return [year];
  if (precision === 'MONTH') return [year, month];
  return [year, month, day];
}

/** Where to read the brief: its URL, else its landing page or full text. */
export function readingUrl(record: PublicationRecord): string | null {
  return record.url ?? record.files.find((file) => file.kind === 'LANDING_PAGE' || file.kind === 'FULL_TEXT')?.url ?? null;
}

/** The sentence that says which meeting a brief follows up. */
export function followUpNote(record: PublicationRecord): string | null {
  const meeting = record.meeting;
  if (!meeting) return null;
  const name = meeting.title ? `Meeting ${meeting.number}, "${meeting.title}"` : `Meeting ${meeting.number}`;
  return `Follows up ${name} of the ${meeting.convener.name} (${meeting.city}, ${meeting.state}, ${formatDateRange(meeting.startsOn, meeting.endsOn)}).`;
}

/** The contributors of `record` in `role`, as CSL names. */
function namesInRole(record: PublicationRecord, role: string): CslName[] {
  return record.contributors.filter((contributor) => contributor.role === role).map(cslName);
}

/** The authors: the byline's, else the free-text byline older records may hold only, else the publisher (a group author). */
function cslAuthors(record: PublicationRecord): CslName[] {
  const authors = namesInRole(record, 'AUTHOR');
  if (authors.length > 0) return authors;
  return record.authorsText.length > 0 ? record.authorsText.map((name) => ({ literal: name })) : [{ literal: record.publisher.name }];
}

export function cslItem(record: PublicationRecord): CslItem {
  const byRole = (role: string) => namesInRole(record, role);
  const authors = cslAuthors(record);
  const identifier = (scheme: string) => record.identifiers.find((candidate) => candidate.scheme === scheme)?.value;
  const eric = identifier('ERIC');
  const handle = identifier('HANDLE');
  const notes = [followUpNote(record), eric ? `ERIC: ${eric}.` : null, handle ? `Handle: ${handle}.` : null].filter(Boolean);
  const item: CslItem = {
    id: record.slug,
    type: 'report',
    genre: genres[record.kind] ?? 'Report',
    title: record.title,
    author: authors,
    publisher: record.publisher.name,
    abstract: record.summary,
  };
  const editors = byRole('EDITOR');
  if (editors.length > 0) item.editor = editors;
  const contributors = byRole('CONTRIBUTOR');
  if (contributors.length > 0) item.contributor = contributors;
  if (record.publishedOn) item.issued = { 'date-parts': [dateParts(record.publishedOn, record.precision)] };
  const url = readingUrl(record) ?? identifier('URL');
  if (url) item.URL = url;
  if (identifier('DOI')) item.DOI = identifier('DOI');
  if (identifier('ISBN')) item.ISBN = identifier('ISBN');
  if (eric) {
    item.archive = 'ERIC';
    item.archive_location = eric;
  }
  if (record.themes.length > 0) item.keyword = record.themes.map((theme) => theme.name).join(',');
  if (notes.length > 0) item.note = notes.join(' ');
  return item;
}
