/**
 * Citations of a brief, made by citation-js (the field's own library) from its CSL-JSON
 * item: formatted in a CSL style as text or HTML, and as data in CSL-JSON, BibTeX and
 * RIS, the formats reference managers import. The same functions serve the GraphQL
 * fields and content negotiation on /briefs/{slug}.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { registerEnumType } from 'type-graphql';
import { userInputError } from '../shared/user-input-error';
import { citationStyleNames, isCitationStyle } from './citation-styles';
import { cslItem } from './csl-item';
import type { PublicationRecord } from './publication-record';

export enum CitationTextFormat {
  TEXT = 'TEXT',
  HTML = 'HTML',
}
registerEnumType(CitationTextFormat, {
  name: 'CitationTextFormat',
  description: 'How a formatted citation is written out.',
  valuesConfig: { TEXT: { description: 'Plain text.' }, HTML: { description: 'An HTML fragment (CSL bibliography markup, italics as <i>).' } },
});

export enum CitationDataFormat {
  CSL_JSON = 'CSL_JSON',
  BIBTEX = 'BIBTEX',
  RIS = 'RIS',
}
registerEnumType(CitationDataFormat, {
  name: 'CitationDataFormat',
  description: 'A bibliographic data format reference managers import.',
  valuesConfig: {
    CSL_JSON: { description: 'CSL-JSON (application/vnd.citationstyles.csl+json): a list holding one item.' },
    BIBTEX: { description: 'BibTeX (application/x-bibtex).' },
    RIS: { description: 'RIS (application/x-research-info-systems).' },
  },
});

/** The brief's citation in `style`, as text or HTML; an unknown style is a BAD_USER_INPUT naming the styles there are. */
export function formatCitation(record: PublicationRecord, style: string, format: CitationTextFormat, argumentName = 'style'): string {
  if (!isCitationStyle(style))
    throw userInputError(argumentName, `names no citation style: "${style.slice(0, 80)}"; the styles are ${citationStyleNames().join(', ')}`);
  const output = new Cite(cslItem(record)).format('bibliography', {
    template: style,
    format: format === CitationTextFormat.HTML ? 'html' : 'text',
    lang: 'en-US',
  });
  return output.trim();
}

/** The brief's bibliographic data in a format reference managers import. */
export function formatCitationData(record: PublicationRecord, format: CitationDataFormat): string {
  const item = cslItem(record);
  switch (format) {
    case CitationDataFormat.CSL_JSON:
      return JSON.stringify([item], null, 2);
    case CitationDataFormat.BIBTEX:
      return new Cite(item).format('bibtex').trim() + '\n';
    case CitationDataFormat.RIS: {
      // citation-js breaks values every 70 characters, mid-word and mid-URL, and readers (citation-js's own
      // included) join the pieces with a space: the lines are joined back, as RIS allows long lines.
      // Each record ends with "ER  - " (its trailing space is part of the tag), then a line break.
      const ris = new Cite(item).format('ris').replace(/\n(?![A-Z][A-Z0-9] {2}- )/g, '');
      return ris.endsWith('\n') ? ris : `${ris}\n`;
    }
  }
}
