/**
 * "Cite this brief": the brief formatted in a chosen style (the choice is kept in the URL, ?style=)
 * with a button that copies it, downloads for reference managers (BibTeX, RIS, CSL-JSON, from
 * `Brief.citationData`), and the brief's stable URL, which answers the same formats to scripts by
 * content negotiation (GET /briefs/{slug} with an Accept header). Loaded apart from the page's facts.
 */
import { useState, useId } from 'react';
import { useQuery } from 'urql';
import { useLocation, useSearch } from 'wouter';
import { RequestError } from '../shared/query-state';
import { CitationMarkup } from './citation-markup';
import { BriefCitationDataQuery, BriefCitationQuery } from './citation.queries';

export const citationStyleLabels: Record<string, string> = {
  apa: 'APA (7th edition)',
  harvard1: 'Harvard',
  vancouver: 'Vancouver',
};

interface CitationDownload {
  label: string;
  description: string;
  extension: string;
  mediaType: string;
  text: string;
}

function dataUrl(text: string, mediaType: string): string {
  return `data:${mediaType};charset=utf-8,${encodeURIComponent(text)}`;
}

/** The stable URL of a brief on this server: /briefs/{slug}, outside the explorer. */
export function stableBriefUrl(slug: string): string {
  return `${window.location.origin}/briefs/${encodeURIComponent(slug)}`;
}

function CopyButton({ text }: { text: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied to the clipboard.');
    } catch {
      setStatus('Copying was refused by the browser: select the citation and copy it yourself.');
    }
  };
  return (
    <div className="copy">
      <button type="button" onClick={() => void copy()}>
        Copy citation
      </button>
      <span role="status" className="meta">
        {status}
      </span>
    </div>
  );
}

function FormattedCitation({ slug, style }: { slug: string; style: string }) {
  const [location, navigate] = useLocation();
  const selectId = useId();
  const [result] = useQuery({ query: BriefCitationQuery, variables: { slug, style } });
  const styles = result.data?.citationStyles ?? [style];
  const brief = result.data?.brief;
  const choose = (next: string) => navigate(next === 'apa' ? location : `${location}?${new URLSearchParams({ style: next }).toString()}`, { replace: true });
  return (
    <>
      <div className="citation-style">
        <label htmlFor={selectId}>Citation style</label>
        <select id={selectId} value={style} onChange={(event) => choose(event.target.value)}>
          {styles.map((name) => (
            <option key={name} value={name}>
              {citationStyleLabels[name] ?? name}
            </option>
          ))}
        </select>
      </div>
      {result.error ? <RequestError error={result.error} /> : null}
      {brief ? (
        <>
          <p className="citation-text">
            <CitationMarkup html={brief.citationHtml} />
          </p>
          <CopyButton key={style} text={brief.citationText} />
        </>
      ) : result.fetching ? (
        <p className="loading">Formatting the citation…</p>
      ) : null}
    </>
  );
}

function CitationDownloads({ slug }: { slug: string }) {
  const [result] = useQuery({ query: BriefCitationDataQuery, variables: { slug } });
  if (result.error) return <RequestError error={result.error} />;
  const brief = result.data?.brief;
  if (!brief) return <p className="loading">Preparing the downloads…</p>;
  const downloads: CitationDownload[] = [
    { label: 'BibTeX', description: 'for BibTeX, LaTeX, Zotero, JabRef', extension: 'bib', mediaType: 'application/x-bibtex', text: brief.bibtex },
    { label: 'RIS', description: 'for EndNote, Mendeley, Zotero', extension: 'ris', mediaType: 'application/x-research-info-systems', text: brief.ris },
    {
      label: 'CSL-JSON',
      description: 'for Zotero, Pandoc, citation processors',
      extension: 'json',
      mediaType: 'application/vnd.citationstyles.csl+json',
      text: brief.cslJson,
    },
  ];
  return (
    <>
      <h3 id="citation-downloads-heading">Download for a reference manager</h3>
      <ul className="citation-downloads" aria-labelledby="citation-downloads-heading">
        {downloads.map((download) => (
          <li key={download.extension}>
            <a className="download" href={dataUrl(download.text, download.mediaType)} download={`${slug}.${download.extension}`} type={download.mediaType}>
              {download.label} <span className="meta">(.{download.extension})</span>
            </a>{' '}
            <span className="meta">{download.description}</span>
          </li>
        ))}
      </ul>
      <details className="citation-data">
        <summary>Show the BibTeX</summary>
        <pre>{brief.bibtex}</pre>
      </details>
    </>
  );
}

/** `anchor`: the section's id, for links to it from the top of the page. */
export function CitationSection({ slug, anchor }: { slug: string; anchor?: string }) {
  const style = new URLSearchParams(useSearch()).get('style') ?? 'apa';
  const stableUrl = stableBriefUrl(slug);
  return (
    <section className="citation" id={anchor} aria-labelledby="citation-heading">
      <h2 id="citation-heading">Cite this brief</h2>
      <FormattedCitation slug={slug} style={style} />
      <CitationDownloads slug={slug} />
      <p className="stable-url">
        Stable URL: <a href={stableUrl}>{stableUrl}</a>
        <br />
        <span className="meta">
          Reference managers and scripts can ask this address for the same data by content negotiation: send <code>Accept: application/x-bibtex</code>,{' '}
          <code>application/x-research-info-systems</code>, <code>application/vnd.citationstyles.csl+json</code>, <code>text/x-bibliography; style=apa</code> or{' '}
          <code>application/ld+json</code>.
        </span>
      </p>
    </section>
  );
}
