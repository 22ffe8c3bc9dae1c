#!/usr/bin/env node
/**
 * Builds only what changed since the last build, so that a warm `npm start` or `npm test` pays
 * for neither the TypeScript compiler (about 3 s) nor the explorer's bundler (about 3 s):
 * - the server (src/, migrations/) with tsc, into dist/;
 * - the explorer (explorer/, and the schema its client is built against) with Vite, into dist/explorer/.
 * When both are stale they build side by side. Always a production build (jest sets NODE_ENV=test,
 * which would make Vite bundle React's development build). `--explorer-only` builds just the explorer (the
 * browser tests need it; Jest runs the server from its sources).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

function newestModification(target) {
  const status = fs.statSync(target, { throwIfNoEntry: false });
  if (!status) return 0;
  if (!status.isDirectory()) return status.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  return newest;
}

const modifiedAt = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
function existing(file) {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing`);
  return file;
}
const inRoot = (...names) => names.map((name) => path.join(root, name));

const targets = {
  server: {
    stamp: path.join(root, 'dist', '.tsbuildinfo'),
    sources: inRoot('src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'),
    command: () => [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')],
  },
  explorer: {
    stamp: path.join(root, 'dist', '.explorer-build'),
    sources: inRoot('explorer', 'schema.graphql', 'package-lock.json'),
    command: () => [existing(path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')), 'build', '--logLevel', 'warn', '--config', path.join(root, 'explorer', 'vite.config.mts')],
  },
};

function build(name) {
  const target = targets[name];
  let command;
  try {
    command = target.command();
  } catch {
    // A production install (npm ci --omit=dev) has no compilers; it serves what was built before.
    console.log(`build-if-stale: cannot build the ${name} (its build tools are not installed); using the existing build`);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`building the ${name} failed (exit ${code})`));
      fs.mkdirSync(path.dirname(target.stamp), { recursive: true });
      fs.closeSync(fs.openSync(target.stamp, 'a'));
      fs.utimesSync(target.stamp, new Date(), new Date());
      resolve();
    });
  });
}

const wanted = process.argv.includes('--explorer-only') ? ['explorer'] : ['server', 'explorer'];
const stale = wanted.filter((name) => Math.max(...targets[name].sources.map(newestModification)) > modifiedAt(targets[name].stamp));
Promise.all(stale.map(build)).catch((error) => {
  console.error(`build-if-stale: ${error.message}`);
  process.exit(1);
});
