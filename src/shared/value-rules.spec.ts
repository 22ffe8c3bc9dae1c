import { DistrictCreateInput } from '../district/district.mutation-inputs';
import { checkIdentifier, IdentifierScheme } from '../identifier/identifier-schemes';
import { variablesProblem } from '../http/input-text';
import { validateInput } from '../mutation/validation';
import { OrganizationCreateInput } from '../organization/organization.mutation-inputs';
import { readSeedDocuments, SeedValidationError } from '../seed/seed-reader';
import { isStateCode, isWebAddress, maximumWebAddressLength, textProblem } from './value-rules';

/** The problems a seed/import document has, as "field: message" lines; [] when it reads cleanly. */
function importProblems(yaml: string): string[] {
  try {
    readSeedDocuments([{ name: 'upload.yaml', content: yaml }]);
    return [];
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    return error.problems.map((problem) => `${problem.field}: ${problem.message}`);
  }
}

/** The fields the API refuses in an input, with their codes; [] when it is valid. */
async function apiProblems<T extends object>(input: T): Promise<string[]> {
  return (await validateInput(input)).map((error) => `${(error.field ?? []).join('.')} ${error.code}`);
}

const district = (state: string) => ({
  import: `districts:\n  - { slug: x-unified, name: X, state: "${state}", kind: SCHOOL_DISTRICT }\n`,
  api: Object.assign(new DistrictCreateInput(), { slug: 'x-unified', name: 'X', state }),
});
const organization = (websiteUrl: string) => ({
  import: `organizations:\n  - { slug: x-institute, name: X, kind: RESEARCH_INSTITUTE, websiteUrl: ${JSON.stringify(websiteUrl)} }\n`,
  api: Object.assign(new OrganizationCreateInput(), { slug: 'x-institute', name: 'X', websiteUrl }),
});

describe('one state-code rule for the API and for seed files and imports', () => {
  it('accepts a real state code on both sides', async () => {
    expect(importProblems(district('CA').import)).toEqual([]);
    expect(await apiProblems(district('CA').api)).toEqual([]);
  });

  it.each(['ZZ', 'ca', 'California', 'constructor'])('refuses %j on both sides', async (state) => {
    expect(importProblems(district(state).import)).toEqual([expect.stringMatching(/^state: must be a two-letter state code such as CA, got /)]);
    expect(await apiProblems(district(state).api)).toEqual(['input.state INVALID']);
  });
});

describe('one URL rule for the API and for seed files and imports', () => {
  it.each(['https://example.org/report.pdf', 'http://example.org'])('accepts %j on both sides', async (url) => {
    expect(importProblems(organization(url).import)).toEqual([]);
    expect(await apiProblems(organization(url).api)).toEqual([]);
  });

  it.each([
    ['another scheme', 'ftp://example.org/file'],
    ['a space', 'https://example.org/a report.pdf'],
    ['no scheme', 'example.org'],
    ['a script', 'javascript:alert(1)'],
    ['no host', 'https://'],
    ['an upper-case scheme', 'HTTPS://example.org'],
    ['over 2,000 characters', `https://example.org/${'x'.repeat(2000)}`],
  ])('refuses an address with %s on both sides', async (_case, url) => {
    expect(importProblems(organization(url).import)).toEqual([expect.stringMatching(/^websiteUrl: must be an http\(s\) URL/)]);
    expect(await apiProblems(organization(url).api)).toEqual(['input.websiteUrl INVALID']);
  });
});

describe('one text rule for the API and for seed files and imports', () => {
  it.each([
    ['a NUL character', 'Bad\u0000Name', /^holds a NUL character \(U\+0000\)/],
    ['a lone high surrogate', 'Bad\ud800Name', /^holds a lone surrogate/],
    ['a lone low surrogate', 'Bad\udc00Name', /^holds a lone surrogate/],
  ])('refuses text holding %s on both sides, in the same words', (_what, name, reason) => {
    const problem = textProblem(name)!;
    expect(problem).toMatch(reason);
    expect(importProblems(`organizations:\n  - { slug: x-institute, name: ${JSON.stringify(name)}, kind: RESEARCH_INSTITUTE }\n`)).toEqual([
      `name: ${problem}`,
    ]);
    expect(variablesProblem({ input: { name } })).toEqual({ code: 'BAD_USER_INPUT', message: `Variable "$input.name" ${problem}` });
  });

  it('accepts text with characters outside the basic plane, written as surrogate pairs', () => {
    expect(textProblem('Día de los 📚')).toBeUndefined();
    expect(importProblems(`organizations:\n  - { slug: x-institute, name: "Día de los 📚", kind: RESEARCH_INSTITUTE }\n`)).toEqual([]);
    expect(variablesProblem({ input: { name: 'Día de los 📚' } })).toBeUndefined();
  });
});

describe('the rules themselves', () => {
  it('knows the states, DC and Puerto Rico, and nothing inherited from Object', () => {
    expect(['CA', 'DC', 'PR', 'WY'].map(isStateCode)).toEqual([true, true, true, true]);
    expect(['ZZ', 'toString', '__proto__', '', 42].map(isStateCode)).toEqual([false, false, false, false, false]);
  });

  it('refuses addresses that PostgreSQL could not store', () => {
    expect(isWebAddress('https://example.org/\0')).toBe(false);
    expect(isWebAddress('https://example.org/\uD800')).toBe(false);
  });

  it('accepts as a URL identifier exactly the web addresses a brief or a file may link to', () => {
    const longest = `https://example.org/${'a'.repeat(maximumWebAddressLength - 'https://example.org/'.length)}`;
    const addresses = ['https://example.org/report.pdf', longest, `${longest}a`, 'ftp://example.org/x', 'https://example.org/\0', 'http://'];
    const acceptedAsIdentifier = addresses.map((address) => 'value' in checkIdentifier(IdentifierScheme.URL, address));
    expect(acceptedAsIdentifier).toEqual(addresses.map(isWebAddress));
    expect(acceptedAsIdentifier).toEqual([true, true, false, false, false, false]);
  });
});
