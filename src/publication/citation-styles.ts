/**
 * The CSL styles citations can be formatted in: those citation-js ships (apa, harvard1,
 * vancouver) and any `.csl` file an operator puts in CITATION_STYLES_DIR, registered
 * under its file name (chicago-author-date.csl → "chicago-author-date"). Read from
 * disk once at start-up, never fetched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

export const builtInStyles = ['apa', 'harvard1', 'vancouver'] as const;

const extraStyles = new Set<string>();

const styleRegister = () => plugins.config.get('@csl').styles;

export class CitationStyleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CitationStyleError';
  }
}

/** Registers every `.csl` file of `directory`; throws CitationStyleError naming a file that is not a CSL style. */
export function loadCitationStyleFolder(directory: string): string[] {
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) throw new CitationStyleError(`CITATION_STYLES_DIR "${directory}" is not a folder`);
  const loaded: string[] = [];
  for (const file of fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.csl'))
    .sort()) {
    const name = file.slice(0, -'.csl'.length).toLowerCase();
    const xml = fs.readFileSync(path.join(directory, file), 'utf8');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
      throw new CitationStyleError(`${file}: a style's file name must be lower-case letters, digits and dashes, such as chicago-author-date.csl`);
    if (!/<style[\s>][\s\S]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml))
      throw new CitationStyleError(`${file}: not a CSL style (no <style xmlns="http://purl.org/net/xbiblio/csl">)`);
    if ((builtInStyles as readonly string[]).includes(name)) throw new CitationStyleError(`${file}: "${name}" is a built-in style; name the file otherwise`);
    styleRegister().add(name, xml);
    extraStyles.add(name);
    loaded.push(name);
  }
  return loaded;
}

/** Every style a citation can be asked for, built-in first. */
export function citationStyleNames(): string[] {
  return [...builtInStyles, ...[...extraStyles].sort()];
}

export function isCitationStyle(name: string): boolean {
  return citationStyleNames().includes(name);
}
