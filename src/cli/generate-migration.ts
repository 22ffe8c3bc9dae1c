/**
 * `npm run db:migration:generate -- <Name>`: writes a migration with the SQL that
 * takes the committed migrations to the current entities.
 *
 * It works on a scratch database (an embedded PostgreSQL in a temporary folder,
 * or a fresh database on DATABASE_URL's server), so the diff is always against
 * exactly what the committed migrations build, never against someone's local data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded-postgres';

function toClassName(name: string, timestamp: number): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word) => word[0].toUpperCase() + word.slice(1)).join('') + timestamp;
}

function quote(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) {
    const name = `briefgraph_migration_${process.pid}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      return await work(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-migration-'));
  const database = new EmbeddedDatabase({ dataDirectory: directory });
  try {
    return await work(await database.start());
  } finally {
    await database.stop();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) {
    console.error('usage: npm run db:migration:generate -- <Name>   (letters, digits and dashes, such as AddBriefSearch)');
    process.exit(2);
  }
  await withScratchDatabase(async (url) => {
    const dataSource = createDataSource(url);
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const sql = await dataSource.driver.createSchemaBuilder().log();
      if (sql.upQueries.length === 0) {
        console.log('The entities match the migrations: nothing to generate.');
        return;
      }
      const timestamp = Date.now();
      const className = toClassName(name, timestamp);
      const up = sql.upQueries.map((query) => `    await queryRunner.query(${quote(query.query)});`).join('\n');
      const down = sql.downQueries
        .reverse()
        .map((query) => `    await queryRunner.query(${quote(query.query)});`)
        .join('\n');
      const file = path.join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
      fs.writeFileSync(
        file,
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
          `export class ${className} implements MigrationInterface {\n  name = '${className}';\n\n` +
          `  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n` +
          `  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      console.log(`Wrote ${path.relative(process.cwd(), file)} (${sql.upQueries.length} statements). Review it before committing.`);
    } finally {
      await dataSource.destroy();
    }
  });
}

main().catch((error: Error) => {
  console.error(`briefgraph: ${error.message}`);
  process.exit(1);
});
