import { createHash } from 'node:crypto';
import { apolloHashModule, hashQueriesWithoutModuleLookup } from './apollo-query-hash';

describe("Apollo's query hash without a module lookup per hash", () => {
  it('gives the digests node:crypto gives, for the hashes Apollo asks for', () => {
    const query = 'query($slug: String!) { brief(slug: $slug) { title } }';
    const before = ['sha256', 'sha512'].map((kind) => apolloHashModule().createHash(kind).update(query).digest('hex'));
    hashQueriesWithoutModuleLookup();
    const after = ['sha256', 'sha512'].map((kind) => apolloHashModule().createHash(kind).update(query).digest('hex'));
    expect(after).toEqual(before);
    expect(after).toEqual(['sha256', 'sha512'].map((kind) => createHash(kind).update(query).digest('hex')));
  });
});
