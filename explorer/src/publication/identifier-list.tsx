/** A record's persistent identifiers (DOI, ERIC number, ISBN, Handle, URL, ORCID iD), each a link where it resolves. */
import type { ReactNode } from 'react';

export interface IdentifierItem {
  scheme: string;
  value: string;
  url?: string | null;
}

export const identifierSchemeLabels: Record<string, string> = {
  DOI: 'DOI',
  ERIC: 'ERIC number',
  ISBN: 'ISBN',
  HANDLE: 'Handle',
  URL: 'Persistent URL',
  ORCID: 'ORCID iD',
};

/** One identifier: its resolving address as the link text where it has one (as DOI and ORCID ask), else its value. */
export function IdentifierValue({ identifier }: { identifier: IdentifierItem }) {
  return identifier.url ? <a href={identifier.url}>{identifier.url}</a> : <span>{identifier.value}</span>;
}

/** The identifiers as facts ("DOI: https://doi.org/…"), to put among a record's other facts. */
export function identifierFacts(identifiers: readonly IdentifierItem[]): Array<[string, ReactNode]> {
  return identifiers.map((identifier) => [identifierSchemeLabels[identifier.scheme] ?? identifier.scheme, <IdentifierValue identifier={identifier} />]);
}
