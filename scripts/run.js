#!/usr/bin/env node
/**
 * `node scripts/run.js <module> [arguments…]`: builds what changed (build-if-stale.js), then runs
 * dist/<module>.js in this same process. One process, not `build && node …` under a shell: a
 * process manager's SIGTERM to `npm start` reaches the server itself (npm forwards it to its
 * one child), which then stops cleanly, PostgreSQL included.
 */
const path = require('node:path');
const { buildIfStale } = require('./build-if-stale');

const [target] = process.argv.splice(2, 1);
if (!target) {
  process.stderr.write('usage: node scripts/run.js <module under dist/, such as src/main> [arguments…]\n');
  process.exit(2);
}
const script = path.join(__dirname, '..', 'dist', `${target}.js`);
buildIfStale().then(
  () => {
    // The module sees itself as the script run, with its own arguments after it.
    process.argv[1] = script;
    require(script);
  },
  (error) => {
    process.stderr.write(`briefgraph: could not build: ${error.message}\n`);
    process.exit(1);
  },
);
