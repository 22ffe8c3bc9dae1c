import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text and fuzzy search.
 *
 * - A text search configuration `briefgraph`: English stemming after unaccent, so
 *   "Évaluation" and "evaluation" match.
 * - A `search_document` tsvector on each searchable table, kept by a trigger (not a
 *   generated column; see STACK.md on TypeORM and generated columns), weighted A for
 *   titles and names, B for summaries and explanations, C for the rest; GIN-indexed.
 * - `briefgraph_fold`: lower-case, unaccented text, for the vocabulary of known words
 *   (typo correction) and autocomplete (later migrations).
 */
const documents: Array<{ table: string; columns: string[]; document: string }> = [
  {
    table: 'brief',
    columns: ['title', 'summary', 'editorial_note', 'authors'],
    document: `setweight(to_tsvector('public.briefgraph', coalesce(NEW.title, '')), 'A')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.summary, '')), 'B')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.editorial_note, '') || ' ' || array_to_string(NEW.authors, ' ')), 'C')`,
  },
  {
    table: 'lesson',
    columns: ['statement', 'explanation'],
    document: `setweight(to_tsvector('public.briefgraph', coalesce(NEW.statement, '')), 'A')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.explanation, '')), 'B')`,
  },
  {
    table: 'meeting',
    columns: ['title', 'description', 'city', 'number'],
    document: `setweight(to_tsvector('public.briefgraph', coalesce(NEW.title, '') || ' Meeting ' || NEW.number), 'A')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.description, '')), 'B')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.city, '')), 'C')`,
  },
  {
    table: 'theme',
    columns: ['name', 'description'],
    document: `setweight(to_tsvector('public.briefgraph', coalesce(NEW.name, '')), 'A')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.description, '')), 'B')`,
  },
  {
    table: 'district',
    columns: ['name'],
    document: `setweight(to_tsvector('public.briefgraph', coalesce(NEW.name, '')), 'A')`,
  },
  {
    table: 'organization',
    columns: ['name', 'short_name', 'description'],
    document: `setweight(to_tsvector('public.briefgraph', coalesce(NEW.name, '') || ' ' || coalesce(NEW.short_name, '')), 'A')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.description, '')), 'B')`,
  },
];

export class AddSearch1795447000000 implements MigrationInterface {
  name = 'AddSearch1795447000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`);
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION public.briefgraph (COPY = pg_catalog.english)`);
    await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION public.briefgraph ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem`);
    // unaccent() is only STABLE (its dictionary could change); this wrapper names the dictionary, so indexes may use it.
    // Everything is schema-qualified: index builds run functions with an empty search_path. The SET clause also keeps
    // the function from being inlined, so its COST counts: folding is expensive, and the planner must prefer the
    // indexes on folded text to computing it row by row (which it otherwise does under a LIMIT).
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 1000
       SET search_path = pg_catalog, public
       AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
    );
    for (const { table, columns, document } of documents) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "search_document" tsvector`);
      await queryRunner.query(
        `CREATE FUNCTION ${table}_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN NEW.search_document := ${document}; RETURN NEW; END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_search_document BEFORE INSERT OR UPDATE OF ${columns.join(', ')} ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION ${table}_search_document()`,
      );
      await queryRunner.query(`UPDATE "${table}" SET ${columns[0]} = ${columns[0]}`);
      await queryRunner.query(`CREATE INDEX "${table}_search" ON "${table}" USING gin (search_document)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of [...documents].reverse()) {
      await queryRunner.query(`DROP INDEX "${table}_search"`);
      await queryRunner.query(`DROP TRIGGER ${table}_search_document ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${table}_search_document()`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_document"`);
    }
    await queryRunner.query(`DROP FUNCTION public.briefgraph_fold(text)`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION public.briefgraph`);
  }
}
