#!/usr/bin/env node
/**
 * Compiles TypeScript only when a source is newer than the last build, so that a
 * warm `npm start` does not pay for the compiler (about 3 s) when nothing changed.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.tsbuildinfo');

function newestModification(directory) {
  let newest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const sources = Math.max(
  newestModification(path.join(root, 'src')),
  newestModification(path.join(root, 'migrations')),
  ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((file) => fs.statSync(path.join(root, file)).mtimeMs),
);
if (sources > built) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  fs.utimesSync(stamp, new Date(), new Date());
}
