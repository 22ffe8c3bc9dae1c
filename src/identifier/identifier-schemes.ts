/**
 * Persistent identifiers, one rule per scheme, shared by the seed reader, the API and
 * the lookups: what a valid value looks like (DOI syntax, ERIC's ED/EJ numbers, ISBN
 * and ORCID check digits), the one form it is stored in (so "unique per scheme" means
 * what a reader expects: doi:10.1/ABC and https://doi.org/10.1/abc are the same DOI),
 * and the web address it resolves at.
 */
import { registerEnumType } from 'type-graphql';
import { isWebAddress } from '../shared/value-rules';

export enum IdentifierScheme {
  DOI = 'DOI',
  ERIC = 'ERIC',
  ISBN = 'ISBN',
  HANDLE = 'HANDLE',
  URL = 'URL',
  ORCID = 'ORCID',
}
registerEnumType(IdentifierScheme, {
  name: 'IdentifierScheme',
  description: 'A system of persistent identifiers.',
  valuesConfig: {
    DOI: { description: 'Digital Object Identifier, such as 10.1000/xyz123 (stored in lower case; DOIs ignore case).' },
    ERIC: { description: 'ERIC accession number: ED (documents) or EJ (journal articles) and six digits, such as ED000001.' },
    ISBN: { description: 'International Standard Book Number, 10 or 13 digits with a valid check digit (stored without hyphens).' },
    HANDLE: { description: 'Handle System identifier, such as 1721.1/12345.' },
    URL: { description: 'A stable http(s) address standing for the work itself.' },
    ORCID: { description: 'ORCID iD of a person, 0000-0000-0000-000X with a valid check digit.' },
  },
});

/** Schemes that name works (briefs); ORCID names people. */
export const workSchemes: readonly IdentifierScheme[] = [
  IdentifierScheme.DOI,
  IdentifierScheme.ERIC,
  IdentifierScheme.ISBN,
  IdentifierScheme.HANDLE,
  IdentifierScheme.URL,
];

export type IdentifierCheck = { value: string } | { problem: string };

function isbnChecksumHolds(digits: string): boolean {
  if (digits.length === 10) {
    const sum = [...digits].reduce((total, character, index) => total + (character === 'X' ? 10 : Number(character)) * (10 - index), 0);
    return sum % 11 === 0;
  }
  const sum = [...digits].reduce((total, character, index) => total + Number(character) * (index % 2 === 0 ? 1 : 3), 0);
  return sum % 10 === 0;
}

/** ISO 7064 MOD 11-2, the ORCID check character over the first 15 digits. */
export function orcidCheckCharacter(firstFifteenDigits: string): string {
  let total = 0;
  for (const digit of firstFifteenDigits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/** The stored form of `raw` under `scheme`, or why it is not a valid identifier of that scheme. */
export function checkIdentifier(scheme: IdentifierScheme, raw: string): IdentifierCheck {
  const text = raw.trim();
  switch (scheme) {
    case IdentifierScheme.DOI:
      return checkDoi(text, raw);
    case IdentifierScheme.ERIC:
      return checkEricNumber(text, raw);
    case IdentifierScheme.ISBN:
      return checkIsbn(text, raw);
    case IdentifierScheme.HANDLE:
      return checkHandle(text, raw);
    case IdentifierScheme.URL:
      return checkUrl(text, raw);
    case IdentifierScheme.ORCID:
      return checkOrcid(text, raw);
  }
}

// One checker per scheme: `text` is the trimmed input, `raw` the input as given (quoted in problems).

function checkDoi(text: string, raw: string): IdentifierCheck {
  const value = text.replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, '').toLowerCase();
  if (!/^10\.\d{4,9}\/\S+$/.test(value) || value.length > 300) return { problem: `is not a DOI (10.<registrant>/<suffix>, such as 10.1000/xyz123): "${raw}"` };
  return { value };
}

function checkEricNumber(text: string, raw: string): IdentifierCheck {
  const value = text.toUpperCase();
  if (!/^E[DJ]\d{6}$/.test(value)) return { problem: `is not an ERIC number (ED or EJ and six digits, such as ED000001): "${raw}"` };
  return { value };
}

function checkIsbn(text: string, raw: string): IdentifierCheck {
  const value = text
    .replace(/^isbn(?:-1[03])?:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (!/^(?:\d{9}[\dX]|97[89]\d{10})$/.test(value)) return { problem: `is not an ISBN (10 or 13 digits): "${raw}"` };
  if (!isbnChecksumHolds(value)) return { problem: `is not a valid ISBN: its check digit is wrong: "${raw}"` };
  return { value };
}

function checkHandle(text: string, raw: string): IdentifierCheck {
  const value = text.replace(/^(?:hdl:|https?:\/\/hdl\.handle\.net\/)/i, '');
  if (!/^\d+(?:\.\d+)*\/\S+$/.test(value) || value.length > 300) return { problem: `is not a Handle (<prefix>/<suffix>, such as 1721.1/12345): "${raw}"` };
  return { value };
}

/** The same web-address rule as a brief's `url` and its files' (value-rules.ts), so a URL identifier is whatever they accept. */
function checkUrl(text: string, raw: string): IdentifierCheck {
  if (!isWebAddress(text)) return { problem: `is not an http(s) URL: "${raw}"` };
  return { value: text };
}

function checkOrcid(text: string, raw: string): IdentifierCheck {
  const value = text.replace(/^https?:\/\/orcid\.org\//i, '').toUpperCase();
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return { problem: `is not an ORCID iD (0000-0000-0000-000X): "${raw}"` };
  const digits = value.replace(/-/g, '');
  if (orcidCheckCharacter(digits.slice(0, 15)) !== digits[15]) return { problem: `is not a valid ORCID iD: its check digit is wrong: "${raw}"` };
  return { value };
}

/** Where an identifier resolves on the web; null for schemes without a resolver (ISBN). */
export function identifierUrl(scheme: IdentifierScheme, value: string): string | null {
  switch (scheme) {
    case IdentifierScheme.DOI:
      return `https://doi.org/${value}`;
    case IdentifierScheme.ERIC:
      return `https://eric.ed.gov/?id=${value}`;
    case IdentifierScheme.HANDLE:
      return `https://hdl.handle.net/${value}`;
    case IdentifierScheme.URL:
      return value;
    case IdentifierScheme.ORCID:
      return `https://orcid.org/${value}`;
    case IdentifierScheme.ISBN:
      return null;
  }
}

/**
 * Reads "scheme:value" (doi:10.1000/xyz, eric:ED000001, isbn:…, hdl:…, orcid:…, or a bare
 * https://doi.org/… address) into a scheme and stored value, or says what is wrong.
 */
export function parseIdentifierReference(reference: string): { scheme: IdentifierScheme; value: string } | { problem: string } {
  const text = reference.trim();
  if (/^https?:\/\/(?:dx\.)?doi\.org\//i.test(text)) return withScheme(IdentifierScheme.DOI, text);
  if (/^https?:\/\/hdl\.handle\.net\//i.test(text)) return withScheme(IdentifierScheme.HANDLE, text);
  if (/^https?:\/\/orcid\.org\//i.test(text)) return withScheme(IdentifierScheme.ORCID, text);
  if (/^https?:\/\//i.test(text)) return withScheme(IdentifierScheme.URL, text);
  const match = /^([a-z]+):(.+)$/i.exec(text);
  const prefixes: Record<string, IdentifierScheme> = {
    doi: IdentifierScheme.DOI,
    eric: IdentifierScheme.ERIC,
    isbn: IdentifierScheme.ISBN,
    hdl: IdentifierScheme.HANDLE,
    handle: IdentifierScheme.HANDLE,
    url: IdentifierScheme.URL,
    orcid: IdentifierScheme.ORCID,
  };
  const scheme = match ? prefixes[match[1].toLowerCase()] : undefined;
  if (!match || !scheme)
    return {
      problem: `must be "<scheme>:<value>" with a scheme among doi, eric, isbn, hdl, url, orcid (such as "doi:10.1000/xyz123"), got "${reference.slice(0, 80)}"`,
    };
  return withScheme(scheme, match[2]);
}

function withScheme(scheme: IdentifierScheme, raw: string): { scheme: IdentifierScheme; value: string } | { problem: string } {
  const checked = checkIdentifier(scheme, raw);
  return 'problem' in checked ? checked : { scheme, value: checked.value };
}
