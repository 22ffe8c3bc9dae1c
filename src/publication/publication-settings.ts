/**
 * Settings of the publication outputs, given once at start-up (createServer): the
 * public address that stable per-brief URLs start with, and a folder of extra CSL
 * styles an operator ships (read once; nothing is fetched at run time).
 */
import { loadCitationStyleFolder } from './citation-styles';

export interface PublicationSettings {
  /** Public address of this server (PUBLIC_BASE_URL), such as https://briefgraph.example.org; stable URLs start with it. */
  baseUrl?: string;
  /** A folder of `.csl` files (CITATION_STYLES_DIR); each becomes a style named after its file. */
  citationStylesDirectory?: string;
}

export const defaultBaseUrl = 'http://localhost:4000';

let configuredBaseUrl: string | undefined;

export function configurePublications(settings: PublicationSettings): void {
  configuredBaseUrl = settings.baseUrl?.replace(/\/+$/, '');
  if (settings.citationStylesDirectory) loadCitationStyleFolder(settings.citationStylesDirectory);
}

/** The configured public address, or `fallback` (the request's own origin on HTTP routes). */
export function publicBaseUrl(fallback: string = defaultBaseUrl): string {
  return configuredBaseUrl ?? fallback;
}

/** The stable, content-negotiated URL of a brief. */
export function briefUrl(slug: string, base: string = publicBaseUrl()): string {
  return `${base}/briefs/${encodeURIComponent(slug)}`;
}
