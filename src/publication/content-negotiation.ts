/**
 * `GET /briefs/{slug}`: a stable URL per brief that answers in the format the client's
 * Accept header asks for, as a DOI resolver does (Crossref's content negotiation):
 * CSL-JSON, BibTeX, RIS, a formatted citation (`text/x-bibliography; style=apa`) or
 * schema.org JSON-LD; a browser (text/html, or anything) is sent to the brief's page in
 * the explorer. Nothing acceptable: 406 with the list of what is served.
 */
import type express from 'express';
import type { DataSource } from 'typeorm';
import { jsonError } from '../http/json-errors';
import { ErrorCode, httpStatusOf } from '../shared/error-codes';
import { CitationDataFormat, CitationTextFormat, formatCitation, formatCitationData } from './citation';
import { citationStyleNames, isCitationStyle } from './citation-styles';
import { sendCacheable } from './http-caching';
import { briefJsonLd } from './json-ld';
import { publishedBriefRecord } from './publication-reader';
import { publicBaseUrl } from './publication-settings';

export const servedBriefTypes = [
  'application/vnd.citationstyles.csl+json',
  'application/x-bibtex',
  'application/x-research-info-systems',
  'text/x-bibliography',
  'application/ld+json',
  'text/html',
] as const;
type ServedType = (typeof servedBriefTypes)[number];

interface MediaRange {
  type: string;
  subtype: string;
  parameters: Record<string, string>;
  quality: number;
  order: number;
}

/** The Accept header's media ranges (RFC 9110 §12.5.1), parameters kept. */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header || header.trim() === '') return [{ type: '*', subtype: '*', parameters: {}, quality: 1, order: 0 }];
  return header.split(',').flatMap((entry, order) => {
    const [range, ...parameterTexts] = entry.split(';').map((part) => part.trim());
    const match = /^([\w.+*-]+)\/([\w.+*-]+)$/.exec(range.toLowerCase());
    if (!match) return [];
    const parameters: Record<string, string> = {};
    let quality = 1;
    for (const text of parameterTexts) {
      const equals = text.indexOf('=');
      if (equals < 0) continue;
      const name = text.slice(0, equals).trim().toLowerCase();
      const value = text
        .slice(equals + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (name === 'q') quality = Number.isFinite(Number(value)) ? Number(value) : 0;
      else parameters[name] = value;
    }
    return [{ type: match[1], subtype: match[2], parameters, quality, order }];
  });
}

/** How closely `range` names `type`/`subtype`: 2 exactly, 1 by a type wildcard, 0 by the full wildcard, -1 not at all. */
function specificityOf(range: MediaRange, type: string, subtype: string): number {
  if (range.type === type && range.subtype === subtype) return 2;
  if (range.type === type && range.subtype === '*') return 1;
  return range.type === '*' ? 0 : -1;
}

/** Whether a range of `specificity` beats the best so far: higher quality, then more specific, then earlier in the header. */
function beats(range: MediaRange, specificity: number, best: { range: MediaRange; specificity: number } | null): boolean {
  if (!best || range.quality > best.range.quality) return true;
  if (range.quality !== best.range.quality) return false;
  return specificity > best.specificity || (specificity === best.specificity && range.order < best.range.order);
}

/** The served type the client prefers (highest quality, then the most specific range, then header order), with its range. */
export function negotiate(ranges: MediaRange[]): { type: ServedType; range: MediaRange } | null {
  let best: { type: ServedType; range: MediaRange; specificity: number } | null = null;
  for (const served of servedBriefTypes) {
    const [type, subtype] = served.split('/');
    for (const range of ranges) {
      const specificity = specificityOf(range, type, subtype);
      if (specificity < 0 || range.quality <= 0) continue;
      if (beats(range, specificity, best)) best = { type: served, range, specificity };
    }
  }
  return best && { type: best.type, range: best.range };
}

export function briefRoutes(app: express.Express, dataSource: () => DataSource, cacheMaxAgeSeconds: number): void {
  app.get('/briefs/:slug', async (request, response, next) => {
    try {
      const chosen = negotiate(parseAccept(request.get('Accept')));
      if (!chosen) {
        response.locals.errorCode = ErrorCode.NOT_ACCEPTABLE;
        response.setHeader('Vary', 'Accept');
        response.status(httpStatusOf(ErrorCode.NOT_ACCEPTABLE)).json({
          errors: [
            {
              message: `Nothing acceptable: /briefs/{slug} serves ${servedBriefTypes.join(', ')}`,
              extensions: { code: ErrorCode.NOT_ACCEPTABLE, served: servedBriefTypes },
            },
          ],
        });
        return;
      }
      const slug = request.params.slug;
      if (chosen.type === 'text/html') {
        response.setHeader('Vary', 'Accept');
        response.redirect(303, `/explore/briefs/${encodeURIComponent(slug)}`);
        return;
      }
      const style = chosen.range.parameters.style ?? 'apa';
      if (chosen.type === 'text/x-bibliography' && !isCitationStyle(style)) {
        jsonError(
          response,
          ErrorCode.BAD_REQUEST,
          `The Accept header asks for the citation style "${style.slice(0, 80)}", which is not served; the styles are ${citationStyleNames().join(', ')}`,
        );
        return;
      }
      const read = await publishedBriefRecord(dataSource(), slug);
      if (!read) {
        jsonError(response, ErrorCode.NOT_FOUND, `No published brief has the slug "${slug.slice(0, 120)}"`);
        return;
      }
      const base = publicBaseUrl(`${request.protocol}://${request.get('Host')}`);
      const body = {
        'application/vnd.citationstyles.csl+json': () => formatCitationData(read.record, CitationDataFormat.CSL_JSON),
        'application/x-bibtex': () => formatCitationData(read.record, CitationDataFormat.BIBTEX),
        'application/x-research-info-systems': () => formatCitationData(read.record, CitationDataFormat.RIS),
        'text/x-bibliography': () => formatCitation(read.record, style, CitationTextFormat.TEXT) + '\n',
        'application/ld+json': () => JSON.stringify(briefJsonLd(read.record, base), null, 2),
      }[chosen.type]();
      const contentType = chosen.type === 'text/x-bibliography' ? `text/x-bibliography; style=${style}; charset=utf-8` : `${chosen.type}; charset=utf-8`;
      sendCacheable(request, response, { body, contentType, lastChanged: read.lastChanged }, cacheMaxAgeSeconds);
    } catch (error) {
      next(error);
    }
  });
}
