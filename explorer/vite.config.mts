/**
 * Builds the explorer into dist/explorer, served by the server at /explore (src/http/explorer.ts).
 * The client's cache learns the schema's shape (which types are abstract, which have no id) from
 * schema.graphql at build time (src/client-cache/schema-shape.ts, which the server's
 * /graphql/possible-types.json also serves), so it never drifts from the API it talks to.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { buildSchema } from 'graphql';
import { schemaShape } from '../src/client-cache/schema-shape';

const root = path.dirname(new URL(import.meta.url).pathname);
const schemaFile = path.join(root, '..', 'schema.graphql');
const shapeModuleId = 'virtual:schema-shape';

function schemaShapeModule(): Plugin {
  return {
    name: 'briefgraph-schema-shape',
    resolveId: (id) => (id === shapeModuleId ? `\0${shapeModuleId}` : undefined),
    load(id) {
      if (id !== `\0${shapeModuleId}`) return undefined;
      this.addWatchFile(schemaFile);
      return `export default ${JSON.stringify(schemaShape(buildSchema(fs.readFileSync(schemaFile, 'utf8'))))};`;
    },
  };
}

/** Brotli and gzip copies of every built text file, so the server sends compressed files without compressing per request. */
function precompress(outDir: string): Plugin {
  return {
    name: 'briefgraph-precompress',
    apply: 'build',
    closeBundle() {
      const files = [path.join(outDir, 'index.html'), ...fs.readdirSync(path.join(outDir, 'assets')).map((name) => path.join(outDir, 'assets', name))];
      for (const file of files.filter((name) => /\.(js|css|html|svg)$/.test(name))) {
        const content = fs.readFileSync(file);
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
      }
    },
  };
}

const outDir = path.join(root, '..', 'dist', 'explorer');

export default defineConfig({
  root,
  base: '/explore/',
  plugins: [schemaShapeModule(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 700,
  },
});
