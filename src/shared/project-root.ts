/** The folder holding package.json, whether running from src/ (tests) or dist/src/ (built). */
import fs from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  let directory = start;
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) return start;
    directory = parent;
  }
  return directory;
}

export const projectRoot = findProjectRoot(__dirname);

/** True when this code runs from TypeScript sources (under Jest), false when built to JavaScript. */
export const runningFromSources = path.extname(__filename) === '.ts';
