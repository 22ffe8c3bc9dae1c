#!/usr/bin/env node
/**
 * Builds only what changed since the last build, so that a first `npm start` is quick and a warm one
 * pays for nothing:
 * - the server (src/, migrations/) is transpiled to dist/ with swc, file by file, only the files changed
 *   since they were built: about a second for all of it instead of the 15-40 s of the TypeScript
 *   compiler. Types are checked separately (`npm run typecheck`, part of `npm test` and CI). Outputs
 *   whose source is gone are removed, so a deleted migration is never run from dist/;
 * - the explorer (explorer/, and the schema its client is built against) with Vite, into dist/explorer/
 *   (a few seconds, when it changed).
 * Both side by side when both are stale. The explorer is always a production build (jest sets
 * NODE_ENV=test, which would make Vite bundle React's development build). `--explorer-only` builds just
 * the explorer (the browser tests need it; Jest runs the server from its sources).
 */
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { swcOptions } = require('./swc-options');

const root = path.join(__dirname, '..');
const outputRoot = path.join(root, 'dist');

// --- the server: swc, file by file -------------------------------------------------------------
const serverFolders = ['src', 'migrations'];
const serverStamp = path.join(outputRoot, '.swc-build.json');

function sourceFiles(directory) {
  const found = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.spec.ts')) found.push(full);
  }
  return found;
}

function builtFiles(directory) {
  if (!fs.existsSync(directory)) return [];
  const found = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...builtFiles(full));
    else if (entry.name.endsWith('.js') || entry.name.endsWith('.js.map')) found.push(full);
  }
  return found;
}

const outputOf = (source) => path.join(outputRoot, path.relative(root, source)).replace(/\.ts$/, '.js');
const modifiedAt = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/** What the outputs depend on besides their sources: the options and the compiler; a change rebuilds everything. */
function serverFingerprint() {
  let swcVersion;
  try {
    swcVersion = require('@swc/core/package.json').version;
  } catch {
    swcVersion = 'not installed';
  }
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ options: swcOptions({ keepDynamicImports: true }), swcVersion }))
    .digest('hex');
}

async function buildServer() {
  // A production image holds dist/ without the sources: there is nothing to build.
  if (!fs.existsSync(path.join(root, 'src'))) return 0;
  const fingerprint = serverFingerprint();
  let previous;
  try {
    previous = JSON.parse(fs.readFileSync(serverStamp, 'utf8')).fingerprint;
  } catch {
    previous = undefined;
  }
  const rebuildAll = previous !== fingerprint;
  const sources = serverFolders.flatMap((folder) => sourceFiles(path.join(root, folder)));
  const wanted = new Set(sources.map(outputOf));
  for (const folder of serverFolders) {
    for (const built of builtFiles(path.join(outputRoot, folder))) if (!wanted.has(built.replace(/\.map$/, ''))) fs.rmSync(built, { force: true });
  }
  const stale = sources.filter((source) => rebuildAll || modifiedAt(source) > modifiedAt(outputOf(source)));
  if (stale.length === 0) return 0;
  // Loaded only when there is something to build: `npm start` runs the server in this process.
  const swc = require('@swc/core');
  const options = swcOptions({ keepDynamicImports: true });
  await Promise.all(
    stale.map(async (source) => {
      const output = outputOf(source);
      const { code, map } = await swc.transformFile(source, { ...options, filename: source, sourceMaps: true, swcrc: false, configFile: false });
      fs.mkdirSync(path.dirname(output), { recursive: true });
      fs.writeFileSync(`${output}.map`, map);
      fs.writeFileSync(output, `${code}\n//# sourceMappingURL=${path.basename(output)}.map\n`);
    }),
  );
  if (rebuildAll) fs.writeFileSync(serverStamp, JSON.stringify({ fingerprint }));
  return stale.length;
}

// --- the explorer: Vite, when anything it is built from changed --------------------------------
function newestModification(target) {
  const status = fs.statSync(target, { throwIfNoEntry: false });
  if (!status) return 0;
  if (!status.isDirectory()) return status.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  return newest;
}

function existing(file) {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing`);
  return file;
}

const explorer = {
  stamp: path.join(outputRoot, '.explorer-build'),
  sources: ['explorer', 'schema.graphql', 'src/client-cache/schema-shape.ts', 'package-lock.json'].map((name) => path.join(root, name)),
  command: () => [
    existing(path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')),
    'build',
    '--logLevel',
    'warn',
    '--config',
    path.join(root, 'explorer', 'vite.config.mts'),
  ],
};

function buildExplorer() {
  if (Math.max(...explorer.sources.map(newestModification)) <= modifiedAt(explorer.stamp)) return Promise.resolve();
  let command;
  try {
    command = explorer.command();
  } catch {
    // A production install (npm ci --omit=dev) has no bundler; it serves what was built before.
    console.log('build-if-stale: cannot build the explorer (its build tools are not installed); using the existing build');
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`building the explorer failed (exit ${code})`));
      fs.mkdirSync(path.dirname(explorer.stamp), { recursive: true });
      fs.closeSync(fs.openSync(explorer.stamp, 'a'));
      fs.utimesSync(explorer.stamp, new Date(), new Date());
      resolve();
    });
  });
}

/** Builds whatever is stale: the server and the explorer side by side, or the explorer only. */
async function buildIfStale({ explorerOnly = false } = {}) {
  await Promise.all([explorerOnly ? Promise.resolve(0) : buildServer(), buildExplorer()]);
}

module.exports = { buildIfStale };

if (require.main === module) {
  buildIfStale({ explorerOnly: process.argv.includes('--explorer-only') }).catch((error) => {
    console.error(`build-if-stale: ${error.message}`);
    process.exit(1);
  });
}
