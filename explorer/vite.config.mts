/**
 * Builds the explorer into dist/explorer, served by the server at /explore (src/http/explorer.ts).
 * The client's cache learns the schema's shape (which types are abstract, which have no id) from
 * schema.graphql at build time, so it never drifts from the API it talks to.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { buildSchema, isAbstractType, isObjectType } from 'graphql';

/**
 * What the normalised cache needs to know about the schema: the members of each abstract type
 * (so fragments on `Node` or `SearchResult` match) and the object types without an `id`
 * (embedded in their parent rather than normalised). Far smaller than a full introspection.
 */

interface SchemaShape {
  possibleTypes: Record<string, string[]>;
  embeddedTypes: string[];
}

function schemaShape(schemaText: string): SchemaShape {
  const schema = buildSchema(schemaText);
  const possibleTypes: Record<string, string[]> = {};
  const embeddedTypes: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isAbstractType(type)) possibleTypes[type.name] = schema.getPossibleTypes(type).map((member) => member.name).sort();
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
    if (isObjectType(type) && !isRoot && !('id' in type.getFields())) embeddedTypes.push(type.name);
  }
  return { possibleTypes, embeddedTypes: embeddedTypes.sort() };
}

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
      return `export default ${JSON.stringify(schemaShape(fs.readFileSync(schemaFile, 'utf8')))};`;
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
