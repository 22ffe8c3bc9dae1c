/**
 * Stable per-brief URLs with content negotiation and the feeds, through the real HTTP
 * server: each format parsed back with an independent reader (citation-js for CSL-JSON,
 * BibTeX and RIS, the jsonld processor for JSON-LD, feedsmith for Atom, RSS and JSON
 * Feed), and the caching and refusals partner sites rely on.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import fs from 'node:fs';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import jsonld from 'jsonld';
import { startTestServer, type TestServer } from './support/test-server';

const schemaOrgContext = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'src', 'publication', 'schema-org-context.json'), 'utf8'));
/** schema.org's vocabulary as schema-dts (generated from schema.org's own definitions) declares it: every type and property name. */
const schemaDts = fs.readFileSync(require.resolve('schema-dts/dist/schema.d.ts'), 'utf8');
const schemaTypes = new Set([...schemaDts.matchAll(/^export type (\w+) =/gm)].map((match) => match[1]));
const schemaProperties = new Set([...schemaDts.matchAll(/^\s+"(\w+)"\?:/gm)].map((match) => match[1]));

/** Expands JSON-LD offline, with the context the project ships for https://schema.org. */
async function expand(document: object): Promise<Array<Record<string, unknown>>> {
  const documentLoader = async (url: string) => {
    if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`no network in tests: ${url}`);
    return { contextUrl: null, documentUrl: url, document: schemaOrgContext };
  };
  return jsonld.expand(document, { documentLoader });
}

/** Every property and type IRI in an expanded document, which must all be schema.org terms. */
function termsOf(value: unknown, found = { properties: new Set<string>(), types: new Set<string>() }) {
  if (Array.isArray(value)) value.forEach((item) => termsOf(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '@type') ([] as string[]).concat(inner as string[]).forEach((type) => found.types.add(type));
      else if (!key.startsWith('@')) found.properties.add(key);
      termsOf(inner, found);
    }
  }
  return found;
}

function expectSchemaOrgTerms(expanded: unknown): void {
  const { properties, types } = termsOf(expanded);
  expect(properties.size).toBeGreaterThan(0);
  for (const property of properties) {
    expect(property).toMatch(/^https:\/\/schema\.org\//);
    expect(schemaProperties.has(property.slice('https://schema.org/'.length)) ? property : `unknown: ${property}`).toBe(property);
  }
  for (const type of types) {
    expect(type).toMatch(/^https:\/\/schema\.org\//);
    expect(schemaTypes.has(type.slice('https://schema.org/'.length)) ? type : `unknown: ${type}`).toBe(type);
  }
}

describe('stable brief URLs and feeds', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { cacheMaxAgeSeconds: 60 } });
  });
  afterAll(async () => {
    await server.close();
  });

  const get = (route: string, accept?: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${route}`, { headers: { ...(accept ? { Accept: accept } : {}), ...headers }, redirect: 'manual' });

  describe('content negotiation on /briefs/{slug}', () => {
    it('answers CSL-JSON, BibTeX and RIS that citation-js reads back as the same work', async () => {
      const answers = await Promise.all(
        ['application/vnd.citationstyles.csl+json', 'application/x-bibtex', 'application/x-research-info-systems'].map(async (type) => {
          const response = await get('/briefs/engaging-district-school-and-teacher-leaders-in-improvement', type);
          expect(response.status).toBe(200);
          expect(response.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
          expect(response.headers.get('vary')).toMatch(/Accept/);
          return response.text();
        }),
      );
      for (const text of answers) {
        const [item] = new Cite(text).data;
        expect(item).toMatchObject({
          title: 'Engaging District, School, and Teacher Leaders in Improvement',
          issued: { 'date-parts': [[2019, 1]] },
          publisher: 'Policy Analysis for California Education',
          URL: 'https://www.edpolicyinca.org/publications/engaging-district-school-and-teacher-leaders-improvement',
        });
        expect(item.author.map((name: { family: string }) => name.family)).toEqual(['Gallagher', 'Gong', 'Hough', 'Kennedy', 'Allbright', 'Daramola']);
      }
    });

    it('formats a citation in the style the Accept header names, APA by default', async () => {
      const apa = await get('/briefs/always-room-for-improvement', 'text/x-bibliography; style=apa');
      expect(apa.status).toBe(200);
      expect(apa.headers.get('content-type')).toBe('text/x-bibliography; style=apa; charset=utf-8');
      expect(await apa.text()).toMatch(
        /^California Collaborative on District Reform\. \(2018\)\. Always Room for Improvement: The California System of Support as a Catalyst for Change \[Policy brief\]\. California Collaborative on District Reform\. https:\/\/cacollaborative\.org\/publication\/always-room-improvement-california-system-support-catalyst-change\n$/,
      );
      expect(await (await get('/briefs/always-room-for-improvement', 'text/x-bibliography')).text()).toBe(
        await (await get('/briefs/always-room-for-improvement', 'text/x-bibliography; style=apa')).text(),
      );
      expect(await (await get('/briefs/always-room-for-improvement', 'text/x-bibliography; style=vancouver')).text()).toMatch(
        /^1\. California Collaborative on District Reform\. Always Room for Improvement/,
      );
      const unknown = await get('/briefs/always-room-for-improvement', 'text/x-bibliography; style=chicago-nonexistent');
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).errors[0].message).toMatch(/"chicago-nonexistent", which is not served; the styles are apa, harvard1, vancouver/);
    });

    it('answers schema.org JSON-LD whose terms all resolve to schema.org, with people, publisher, date at its precision, files and the meeting', async () => {
      const response = await get('/briefs/always-room-for-improvement', 'application/ld+json');
      expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
      const document = await response.json();
      expect(document).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Report',
        '@id': `${server.url}/briefs/always-room-for-improvement`,
        name: 'Always Room for Improvement: The California System of Support as a Catalyst for Change',
        datePublished: '2018-09',
        publisher: { '@type': 'Organization', name: 'California Collaborative on District Reform' },
        url: 'https://cacollaborative.org/publication/always-room-improvement-california-system-support-catalyst-change',
        encoding: [{ '@type': 'MediaObject', encodingFormat: 'text/html', inLanguage: 'en' }],
      });
      expect(document.author).toBeUndefined(); // no source names the authors
      expect(document.about).toContainEqual(
        expect.objectContaining({
          '@type': 'Event',
          name: expect.stringMatching(/^Meeting 34: /),
          startDate: '2017-12-14',
          endDate: '2017-12-15',
          location: expect.objectContaining({ address: expect.objectContaining({ addressLocality: 'Placerville', addressRegion: 'CA' }) }),
        }),
      );
      const expanded = await expand(document);
      expectSchemaOrgTerms(expanded);
      expect(expanded[0]['https://schema.org/datePublished']).toEqual([{ '@value': '2018-09' }]);
    });

    it('describes people, meetings and organizations in GraphQL as schema.org terms too', async () => {
      const { data, errors } = await server.graphql(`{
        brief(slug: "district-role-in-school-turnaround") { jsonLd }
        meeting(number: 12) { jsonLd }
        organization(slug: "american-institutes-for-research") { jsonLd }
        person(slug: "jennifer-oday") { jsonLd }
      }`);
      expect(errors).toBeUndefined();
      expect(data!.brief.jsonLd.author.map((author: { '@type': string; familyName?: string }) => [author['@type'], author.familyName])).toEqual([
        ['Person', 'Knudson'],
        ['Person', 'Shambaugh'],
        ['Person', "O'Day"],
      ]);
      expect(data!.meeting.jsonLd).toMatchObject({
        '@type': 'Event',
        name: 'Meeting 12',
        startDate: '2010-03-23',
        organizer: { name: 'California Collaborative on District Reform' },
      });
      for (const document of Object.values(data!)) expectSchemaOrgTerms(await expand((document as { jsonLd: object }).jsonLd));
    });

    it('sends browsers to the explorer page, refuses what it cannot serve with 406 and the list, and 404s unknown briefs', async () => {
      const browser = await get('/briefs/always-room-for-improvement', 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8');
      expect(browser.status).toBe(303);
      expect(browser.headers.get('location')).toBe('/explore/briefs/always-room-for-improvement');
      const refused = await get('/briefs/always-room-for-improvement', 'application/pdf');
      expect(refused.status).toBe(406);
      const body = await refused.json();
      expect(body.errors[0].extensions).toEqual({
        code: 'NOT_ACCEPTABLE',
        served: expect.arrayContaining(['application/x-bibtex', 'application/ld+json', 'text/x-bibliography']),
      });
      const preferred = await get('/briefs/always-room-for-improvement', 'application/x-bibtex;q=0.5, application/x-research-info-systems');
      expect(await preferred.text()).toMatch(/^TY {2}- RPRT/);
      const missing = await get('/briefs/no-such-brief', 'application/x-bibtex');
      expect(missing.status).toBe(404);
    });

    it('is cacheable like GraphQL answers and answers 304 to a client holding the same answer', async () => {
      const first = await get('/briefs/district-role-in-school-turnaround', 'application/x-bibtex');
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
      expect((await get('/briefs/district-role-in-school-turnaround', 'application/x-bibtex', { 'If-None-Match': etag })).status).toBe(304);
      expect((await get('/briefs/district-role-in-school-turnaround', 'application/x-bibtex', { 'If-Modified-Since': lastModified })).status).toBe(304);
      // Another format of the same brief is another answer.
      expect((await get('/briefs/district-role-in-school-turnaround', 'application/x-research-info-systems', { 'If-None-Match': etag })).status).toBe(200);
    });
  });

  describe('feeds of newly published briefs', () => {
    it('serves Atom, RSS 2.0 and JSON Feed that a feed parser reads, newest publication first, undated last', async () => {
      const atomResponse = await get('/feeds/briefs.atom');
      expect(atomResponse.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const atom = parseAtomFeed(await atomResponse.text());
      const titles = atom.entries!.map((entry) => (entry.title as unknown as { value: string }).value);
      expect(titles).toHaveLength(7);
      expect(titles.slice(0, 5)).toEqual([
        'Learning and Practicing Continuous Improvement: Lessons from the CORE Districts',
        'Engaging District, School, and Teacher Leaders in Improvement',
        'Always Room for Improvement: The California System of Support as a Catalyst for Change',
        "Local Control in Action: Learning from the CORE Districts' Focus on Measurement, Capacity Building, and Shared Accountability",
        'Beyond the School: Exploring a Systemic Approach to School Turnaround',
      ]);
      const turnaround = atom.entries![4];
      expect(turnaround.id).toBe(`${server.url}/briefs/district-role-in-school-turnaround`);
      expect(turnaround.authors!.map((author) => author.name)).toEqual(['Joel Knudson', 'Larisa Shambaugh', "Jennifer O'Day"]);
      expect(turnaround.published).toBe('2011-02-01T00:00:00.000Z');
      expect(turnaround.links![0].href).toBe('https://www.air.org/resource/beyond-school-exploring-systemic-approach-school-turnaround');

      const rss = parseRssFeed(await (await get('/feeds/briefs.rss')).text());
      expect(rss.items!.map((item) => item.title)).toEqual(titles);
      // As text: objects made by fetch's json() come from another realm than Jest's, which the parser's object check refuses.
      const json = parseJsonFeed(await (await get('/feeds/briefs.json')).text());
      expect(json.items!.map((item) => item.title)).toEqual(titles);
      expect(json.items![0].tags).toEqual(expect.arrayContaining(['Continuous improvement']));
    });

    it('filters by publisher, theme and kind', async () => {
      const titlesOf = async (query: string) =>
        parseAtomFeed(await (await get(`/feeds/briefs.atom?${query}`)).text()).entries?.map((entry) => (entry.title as unknown as { value: string }).value) ??
        [];
      expect(await titlesOf('publisher=california-collaborative-on-district-reform')).toEqual([
        'Always Room for Improvement: The California System of Support as a Catalyst for Change',
        'Beyond the School: Exploring a Systemic Approach to School Turnaround',
      ]);
      expect(await titlesOf('publisher=policy-analysis-for-california-education&kind=RESEARCH_PAPER')).toEqual([
        'Data Use for Improvement in Networked Structures (untitled in source)',
      ]);
      expect(await titlesOf('theme=school-turnaround')).toEqual(['Beyond the School: Exploring a Systemic Approach to School Turnaround']);
      expect(await titlesOf('theme=school-turnaround&theme=mathematics-achievement')).toHaveLength(2);
    });

    it('refuses unknown filter values and parameters, naming them', async () => {
      for (const [query, message] of [
        ['publisher=nobody', /nothing is known by publisher "nobody"/],
        ['theme=data-use&theme=astrology', /nothing is known by theme "astrology"/],
        ['kind=PODCAST', /kind "PODCAST" \(kinds are POLICY_BRIEF, REPORT/],
        ['author=someone', /unknown query parameter "author"; feeds take publisher, theme, kind/],
      ] as const) {
        const response = await get(`/feeds/briefs.rss?${query}`);
        expect(response.status).toBe(400);
        expect((await response.json()).errors[0].message).toMatch(message);
      }
      expect((await get('/feeds/briefs.xml')).status).toBe(404);
    });

    it('carries ETag and Last-Modified and answers 304 when nothing changed', async () => {
      const first = await get('/feeds/briefs.json');
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      expect((await get('/feeds/briefs.json', undefined, { 'If-None-Match': first.headers.get('etag')! })).status).toBe(304);
    });
  });
});
