/**
 * Apollo Server hashes every query it is sent (SHA-256) to find the parsed and validated
 * document it keeps, through @apollo/utils.createhash, which calls
 * `module.require("crypto")` on every hash. Since Node 22 that call goes through the
 * module loader's resolution each time, and in a profile of a small read it cost as much
 * as the hash itself (docs/benchmarks.md). Apollo reads that module's export at each call,
 * so pointing the export at node:crypto's `createHash` once gives the same digests
 * without the lookup. (Under Jest, which loads modules into a registry of its own, the
 * copy patched here is Node's, not the one Apollo was given: the tests hash as before.)
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface HashModule {
  createHash: (kind: string) => ReturnType<typeof createHash>;
}

/** The copy of @apollo/utils.createhash that Apollo Server itself loads. */
export function apolloHashModule(): HashModule {
  return createRequire(require.resolve('@apollo/server'))('@apollo/utils.createhash') as HashModule;
}

export function hashQueriesWithoutModuleLookup(): void {
  apolloHashModule().createHash = (kind) => createHash(kind);
}
