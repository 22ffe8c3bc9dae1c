/**
 * Publications for partner sites, through the real endpoint over the seeded knowledge
 * base: people and bylines, links and files, identifiers and the lookup by identifier,
 * citations (read back with citation-js, an independent parser of what we write), and
 * schema.org JSON-LD (expanded by the jsonld processor against the shipped context).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { startTestServer, type TestServer } from './support/test-server';

describe('publications', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  describe('people and bylines', () => {
    it('gives the 2011 brief its public title, landing page and authors in byline order, linked to Person records', async () => {
      const { data, errors } = await server.graphql(`{
        brief(slug: "district-role-in-school-turnaround") {
          title url editorialNote authors
          contributors { position role: contributorRole name person { slug name sortName orcid source { slug url } affiliations { organization { slug } startYear endYear } } organization { slug } }
          files { kind title url mediaType language source { slug url } }
          identifiers { scheme value url }
        }
      }`);
      expect(errors).toBeUndefined();
      const brief = data!.brief;
      expect(brief.title).toBe('Beyond the School: Exploring a Systemic Approach to School Turnaround');
      expect(brief.url).toBe('https://www.air.org/resource/beyond-school-exploring-systemic-approach-school-turnaround');
      expect(brief.editorialNote).toContain('The District Role in School Turnaround');
      expect(
        brief.contributors.map((contributor: { position: number; role: string; name: string }) => [contributor.position, contributor.role, contributor.name]),
      ).toEqual([
        [1, 'AUTHOR', 'Joel Knudson'],
        [2, 'AUTHOR', 'Larisa Shambaugh'],
        [3, 'AUTHOR', "Jennifer O'Day"],
      ]);
      expect(brief.authors).toEqual(['Joel Knudson', 'Larisa Shambaugh', "Jennifer O'Day"]);
      expect(brief.contributors[0].person).toMatchObject({
        slug: 'joel-knudson',
        sortName: 'Knudson, Joel',
        orcid: null,
        source: { slug: 'air-beyond-the-school-press-release', url: expect.stringMatching(/^https:\/\/www\.air\.org\//) },
        affiliations: [{ organization: { slug: 'american-institutes-for-research' }, startYear: 2011, endYear: 2011 }],
      });
      expect(brief.files).toEqual([
        {
          kind: 'LANDING_PAGE',
          title: brief.title,
          url: brief.url,
          mediaType: 'text/html',
          language: 'en',
          source: { slug: 'air-beyond-the-school', url: brief.url },
        },
      ]);
      // ERIC's record of the brief (seeds/sources.yaml: eric-ed526853).
      expect(brief.identifiers).toEqual([{ scheme: 'ERIC', value: 'ED526853', url: 'https://eric.ed.gov/?id=ED526853' }]);
    });

    it('leaves unknown links, authors and identifiers empty rather than inventing them', async () => {
      const { data } = await server.graphql(`{
        briefs(first: 20) { nodes { slug url contributors { name } identifiers { value } editorialNote } }
        meetings(first: 10) { nodes { materials { url } } }
      }`);
      const bySlug = Object.fromEntries(data!.briefs.nodes.map((brief: { slug: string }) => [brief.slug, brief]));
      expect(bySlug['data-use-for-improvement-in-networked-structures']).toMatchObject({ url: null, contributors: [], identifiers: [] });
      expect(bySlug['always-room-for-improvement'].contributors).toEqual([]);
      expect(bySlug['always-room-for-improvement'].editorialNote).toMatch(/names its authors|names no authors|names its authors, so none/);
      expect(
        data!.meetings.nodes.flatMap((meeting: { materials: Array<{ url: string | null }> }) => meeting.materials.map((material) => material.url)),
      ).toEqual(Array(12).fill(null));
    });

    it("lists people by sort name, filters them by affiliation, and lists a person's briefs", async () => {
      const pace = (await server.graphql(`{ organization(slug: "policy-analysis-for-california-education") { id } }`)).data!.organization.id;
      const { data, errors } = await server.graphql(
        `query($pace: ID!) {
          people(first: 3) { totalCount nodes { name } pageInfo { hasNextPage } }
          atPace: people(filter: { organizations: [$pace] }) { nodes { slug } }
          person(slug: "heather-j-hough") { name identifiers { scheme } briefs { nodes { slug } } jsonLd }
        }`,
        { pace },
      );
      expect(errors).toBeUndefined();
      expect(data!.people).toEqual({
        totalCount: 9,
        nodes: [{ name: 'Taylor Allbright' }, { name: 'Eupha Jeanne Daramola' }, { name: 'H. Alix Gallagher' }],
        pageInfo: { hasNextPage: true },
      });
      expect(data!.atPace.nodes.map((person: { slug: string }) => person.slug)).toEqual(['h-alix-gallagher', 'angela-gong', 'heather-j-hough']);
      expect(data!.person).toMatchObject({
        name: 'Heather J. Hough',
        identifiers: [],
        briefs: { nodes: [{ slug: 'engaging-district-school-and-teacher-leaders-in-improvement' }] },
      });
      expect(data!.person.jsonLd).toEqual({
        '@context': 'https://schema.org',
        '@type': 'Person',
        name: 'Heather J. Hough',
        familyName: 'Hough',
        givenName: 'Heather J.',
      });
    });
  });

  it('finds people by search and autocomplete', async () => {
    const { data, errors } = await server.graphql(`{
      search(query: "Knudson", types: [PERSON]) { edges { node { __typename ... on Person { slug } } } }
      autocomplete(prefix: "shamb", types: [PERSON]) { text type node { ... on Person { slug } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.search.edges).toEqual([{ node: { __typename: 'Person', slug: 'joel-knudson' } }]);
    expect(data!.autocomplete).toEqual([{ text: 'Larisa Shambaugh', type: 'PERSON', node: { slug: 'larisa-shambaugh' } }]);
  });

  describe('identifiers', () => {
    it('refuses identifier references it cannot read, naming the argument', async () => {
      for (const [identifier, message] of [
        ['doi:11.1000/x', /is not a DOI/],
        ['eric:ED12345', /is not an ERIC number/],
        ['isbn:978-0-306-40615-8', /check digit is wrong/],
        ['orcid:0000-0002-1825-0097', /names a person/],
        ['ark:/13030/xyz', /must be "<scheme>:<value>"/],
      ] as const) {
        const { data, errors } = await server.graphql(`query($identifier: String!) { work(identifier: $identifier) { slug } }`, { identifier });
        expect(data).toEqual({ work: null });
        expect(errors).toEqual([
          expect.objectContaining({
            message: expect.stringMatching(message),
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'identifier' }),
          }),
        ]);
      }
    });

    it('answers null for a well-formed identifier no brief has', async () => {
      const { data, errors } = await server.graphql(`{ work(identifier: "https://doi.org/10.1000/NOT-HERE") { slug } }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({ work: null });
    });
  });

  describe('citations', () => {
    const citationQuery = `query($slug: String!) {
      brief(slug: $slug) {
        apa: citation
        apaHtml: citation(format: HTML)
        harvard: citation(style: "harvard1")
        vancouver: citation(style: "vancouver")
        csl: citationData(format: CSL_JSON)
        bibtex: citationData(format: BIBTEX)
        ris: citationData(format: RIS)
      }
    }`;

    it('formats a month-precision brief with personal authors in APA, Harvard and Vancouver', async () => {
      const { data, errors } = await server.graphql(citationQuery, { slug: 'district-role-in-school-turnaround' });
      expect(errors).toBeUndefined();
      const brief = data!.brief;
      expect(brief.apa).toBe(
        'Knudson, J., Shambaugh, L., & O’Day, J. (2011). Beyond the School: Exploring a Systemic Approach to School Turnaround [Policy brief]. California Collaborative on District Reform. ERIC (ED526853). https://www.air.org/resource/beyond-school-exploring-systemic-approach-school-turnaround',
      );
      expect(brief.apaHtml).toContain('<i>Beyond the School: Exploring a Systemic Approach to School Turnaround</i>');
      expect(brief.harvard).toMatch(/^Knudson, J\., Shambaugh, L\. and O’Day, J\. \(2011\)/);
      expect(brief.vancouver).toMatch(/2011 Feb/);
    });

    it('writes CSL-JSON, BibTeX and RIS that citation-js reads back to the same item, month precision kept', async () => {
      const { data } = await server.graphql(citationQuery, { slug: 'district-role-in-school-turnaround' });
      const [item] = JSON.parse(data!.brief.csl);
      expect(item).toMatchObject({
        id: 'district-role-in-school-turnaround',
        type: 'report',
        genre: 'Policy brief',
        author: [
          { family: 'Knudson', given: 'Joel' },
          { family: 'Shambaugh', given: 'Larisa' },
          { family: "O'Day", given: 'Jennifer' },
        ],
        issued: { 'date-parts': [[2011, 2]] },
        publisher: 'California Collaborative on District Reform',
      });
      for (const text of [data!.brief.csl, data!.brief.bibtex, data!.brief.ris]) {
        const [read] = new Cite(text).data;
        expect(read).toMatchObject({ title: item.title, author: item.author, issued: item.issued, publisher: item.publisher, URL: item.URL });
      }
      expect(data!.brief.bibtex).toMatch(/^@techreport\{/);
      expect(data!.brief.ris).toMatch(/^TY {2}- RPRT\n[\s\S]*\nER {2}- \n$/);
      expect(data!.brief.ris).toContain('\nUR  - https://www.air.org/resource/beyond-school-exploring-systemic-approach-school-turnaround\n');
    });

    it('credits the publisher as group author of a brief without a byline, and says which meeting it follows up in every format', async () => {
      const { data, errors } = await server.graphql(citationQuery, { slug: 'always-room-for-improvement' });
      expect(errors).toBeUndefined();
      const brief = data!.brief;
      expect(brief.apa).toMatch(/^California Collaborative on District Reform\. \(2018\)\. Always Room for Improvement/);
      const [item] = JSON.parse(brief.csl);
      expect(item.author).toEqual([{ literal: 'California Collaborative on District Reform' }]);
      const followUp =
        'Follows up Meeting 34, "Building a Statewide System of Support for Equity and Improvement: Principles, Players, and Proposals" of the California Collaborative on District Reform (Placerville, CA, December 14–15, 2017).';
      expect(item.note).toBe(followUp);
      for (const text of [brief.bibtex, brief.ris]) {
        const [read] = new Cite(text).data;
        expect(read.note).toBe(followUp);
        expect(read.author).toHaveLength(1);
        expect(Object.values(read.author[0])).toEqual(['California Collaborative on District Reform']);
      }
    });

    it('writes an undated brief as undated: n.d. in APA, no issued date in the data', async () => {
      const { data } = await server.graphql(citationQuery, { slug: 'learning-from-the-core-data-collaborative' });
      expect(data!.brief.apa).toMatch(/^Policy Analysis for California Education\. \(n\.d\.\)\. Learning from the CORE Data Collaborative \[Report\]\./);
      const [item] = JSON.parse(data!.brief.csl);
      expect(item.issued).toBeUndefined();
      for (const text of [data!.brief.bibtex, data!.brief.ris]) expect(new Cite(text).data[0].issued).toBeUndefined();
    });

    it('refuses an unknown style, listing the styles there are, and lists them in citationStyles', async () => {
      const { data, errors } = await server.graphql(
        `{ citationStyles brief(slug: "always-room-for-improvement") { title citation(style: "chicago-unknown") } }`,
      );
      expect(data!.citationStyles).toEqual(['apa', 'harvard1', 'vancouver']);
      expect(data!.brief).toBeNull();
      expect(errors).toEqual([
        expect.objectContaining({
          message: 'Argument "style" names no citation style: "chicago-unknown"; the styles are apa, harvard1, vancouver',
          path: ['brief', 'citation'],
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    });
  });
});
