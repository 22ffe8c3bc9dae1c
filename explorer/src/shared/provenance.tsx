/**
 * Where a record comes from: its source document and what kind of source that is (a web page the
 * editors read, a public record, or the editors' own analysis, that is an inference). When lessons
 * gain a `basis` (STATED, SUMMARIZED, EDITORIAL_INFERENCE; issue 14), pass it as `basis`.
 */

export interface ProvenanceSource {
  title: string;
  kind: string;
  url?: string | null;
  description?: string | null;
  fileName?: string | null;
}

const sourceKindLabels: Record<string, string> = {
  WEB_PAGE: 'stated in a published web page',
  PUBLIC_RECORD: 'a public record added by the editors',
  EDITORIAL_ANALYSIS: "the editors' own reading across sources (an inference)",
};

export const basisLabels: Record<string, string> = {
  STATED: 'Stated by the source',
  SUMMARIZED: "Summarized from the source's own summary",
  EDITORIAL_INFERENCE: 'Editorial inference',
};

export function Provenance({ source, basis }: { source: ProvenanceSource | null | undefined; basis?: string | null }) {
  return (
    <section className="provenance" aria-labelledby="provenance-heading">
      <h2 id="provenance-heading">Provenance</h2>
      {basis ? <p className="basis">{basisLabels[basis] ?? basis}</p> : null}
      {source ? (
        <p>
          From{' '}
          {source.url ? (
            <a href={source.url} rel="noopener noreferrer">
              {source.title}
            </a>
          ) : (
            <cite>{source.title}</cite>
          )}
          : {sourceKindLabels[source.kind] ?? source.kind}.{source.description ? ` ${source.description}` : ''}
        </p>
      ) : (
        <p>No source is recorded for this record.</p>
      )}
    </section>
  );
}
