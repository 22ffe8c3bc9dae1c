/** Writes exported seed files into a folder, refusing to mix them into a folder that already holds something. */
import fs from 'node:fs';
import path from 'node:path';
import type { SeedFile } from './seed-files';

export class ExportFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFolderError';
  }
}

export interface ExportFolderOptions {
  /** Write into a folder that is not empty, replacing files of the same names. */
  force?: boolean;
}

/** Throws ExportFolderError unless `folder` is new, empty, or `force` is set; call it before doing any work. */
export function checkExportFolder(folder: string, options: ExportFolderOptions = {}): void {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) throw new ExportFolderError(`${folder} is a file, not a folder; export writes a folder of seed files`);
  if (!options.force && fs.readdirSync(folder).length > 0) {
    throw new ExportFolderError(`the folder ${folder} is not empty; export into a new or empty folder, or pass --force to replace the seed files in it`);
  }
}

/**
 * Writes the files, each to a temporary name first and then renamed, so that an
 * interrupted export never leaves a half-written file under a real name. Returns
 * the other seed files already in the folder, which an import of it would also read.
 */
export function writeExportFolder(folder: string, files: SeedFile[], options: ExportFolderOptions = {}): { otherSeedFiles: string[] } {
  checkExportFolder(folder, options);
  fs.mkdirSync(folder, { recursive: true });
  for (const file of files) {
    const target = path.join(folder, file.name);
    const temporary = path.join(folder, `.${file.name}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, file.content);
    fs.renameSync(temporary, target);
  }
  const written = new Set(files.map((file) => file.name));
  const otherSeedFiles = fs
    .readdirSync(folder)
    .filter((name) => /\.(ya?ml|json)$/i.test(name) && !written.has(name))
    .sort();
  return { otherSeedFiles };
}
