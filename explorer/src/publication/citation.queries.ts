import { graphql } from '../graphql';

/** A brief's formatted citation in one style (HTML to show, text to copy), and the styles there are. */
export const BriefCitationQuery = graphql(`
  query BriefCitation($slug: String!, $style: String!) {
    citationStyles
    brief(slug: $slug) {
      id
      citationHtml: citation(style: $style, format: HTML)
      citationText: citation(style: $style, format: TEXT)
    }
  }
`);

/** A brief as data for reference managers, for the download links. */
export const BriefCitationDataQuery = graphql(`
  query BriefCitationData($slug: String!) {
    brief(slug: $slug) {
      id
      bibtex: citationData(format: BIBTEX)
      ris: citationData(format: RIS)
      cslJson: citationData(format: CSL_JSON)
    }
  }
`);
