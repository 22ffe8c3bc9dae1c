/**
 * Matches marked in text. The server's snippets are HTML-escaped with <mark> around matches; they
 * are rebuilt as React elements (never inserted as HTML). Lists narrowed by facets come without
 * snippets, so there the query's words are marked in the browser, by word prefix.
 */
import type { ReactNode } from 'react';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity] ?? entity);

export function Snippet({ snippet }: { snippet: string }) {
  const parts = snippet.split(/(<mark>.*?<\/mark>)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('<mark>') ? <mark key={index}>{unescape(part.slice(6, -7))}</mark> : <span key={index}>{unescape(part)}</span>,
      )}
    </>
  );
}

/** The words a reader searched for, without operators, excluded words or very short words. */
export function searchTerms(query: string): string[] {
  return query
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length >= 3 && !word.startsWith('-') && word.toLowerCase() !== 'or')
    .map((word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word.length >= 3);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function HighlightTerms({ text, query }: { text: string; query: string }): ReactNode {
  // A prefix a little shorter than the word finds its other endings (improve, improvement, improving).
  const prefixes = searchTerms(query).map((term) => escapeRegExp(term.slice(0, Math.max(3, term.length - 2))));
  if (prefixes.length === 0) return text;
  const pattern = new RegExp(`\\b((?:${prefixes.join('|')})[\\p{L}\\p{N}]*)`, 'giu');
  const parts = text.split(pattern);
  return parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part));
}
