import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `search_term`: every distinct word (folded: lower-case, unaccented, not stemmed)
 * of the searchable texts, with a trigram index, so a misspelt search word can be
 * corrected to the nearest word that exists ("contnuous" → "continuous") before a
 * full-text search runs again. Triggers add each record's words (titles, names, summaries, statements);
 * words of deleted records stay, which only means a correction may find nothing.
 *
 * Also, for autocomplete, word indexes on titles and names (simple configuration:
 * folded, not stemmed) to match every word typed as a word prefix ('impr':*), and
 * B-tree indexes on the folded titles for titles that start with what was typed.
 */
const titleWordIndexes: Array<[name: string, table: string, title: string]> = [
  ['brief_title_words', 'brief', 'title'],
  ['lesson_statement_words', 'lesson', 'statement'],
  ['meeting_title_words', 'meeting', `'Meeting ' || number || coalesce(': ' || title, '')`],
  ['theme_name_words', 'theme', 'name'],
  ['district_name_words', 'district', 'name'],
  ['organization_name_words', 'organization', 'name'],
];
const sources: Array<[table: string, text: string]> = [
  ['brief', `coalesce(NEW.title, '') || ' ' || coalesce(NEW.summary, '')`],
  ['lesson', `coalesce(NEW.statement, '') || ' ' || coalesce(NEW.explanation, '')`],
  ['meeting', `coalesce(NEW.title, '') || ' ' || coalesce(NEW.description, '') || ' ' || coalesce(NEW.city, '')`],
  ['theme', `coalesce(NEW.name, '') || ' ' || coalesce(NEW.description, '')`],
  ['district', `coalesce(NEW.name, '')`],
  ['organization', `coalesce(NEW.name, '') || ' ' || coalesce(NEW.short_name, '') || ' ' || coalesce(NEW.description, '')`],
];

export class AddSearchTerms1795449000000 implements MigrationInterface {
  name = 'AddSearchTerms1795449000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE search_term (term text PRIMARY KEY)`);
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_words(text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT DISTINCT word FROM regexp_split_to_table(public.briefgraph_fold($1), '[^[:alnum:]]+') AS word
             WHERE length(word) BETWEEN 3 AND 40 AND word ~ '[[:alpha:]]' $$`,
    );
    for (const [table, text] of sources) {
      await queryRunner.query(
        `CREATE FUNCTION ${table}_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN INSERT INTO search_term (term) SELECT public.briefgraph_words(${text}) ON CONFLICT DO NOTHING; RETURN NEW; END $$`,
      );
      await queryRunner.query(`CREATE TRIGGER ${table}_search_terms AFTER INSERT OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${table}_search_terms()`);
      const existing = text.replace(/NEW\./g, '');
      await queryRunner.query(`INSERT INTO search_term (term) SELECT DISTINCT public.briefgraph_words(${existing}) FROM "${table}" ON CONFLICT DO NOTHING`);
    }
    await queryRunner.query(`CREATE INDEX search_term_trigram ON search_term USING gin (term public.gin_trgm_ops)`);
    // The planner's estimate of how many rows of a table match a search, for totals of very common words.
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_estimated_matches(table_name text, search text) RETURNS bigint LANGUAGE plpgsql AS $$
       DECLARE plan json;
       BEGIN
         IF table_name NOT IN ('brief', 'lesson', 'meeting', 'theme', 'district', 'organization') THEN RAISE EXCEPTION 'not a searchable table: %', table_name; END IF;
         EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM %I WHERE search_document @@ websearch_to_tsquery(''public.briefgraph'', $1)', table_name) INTO plan USING search;
         RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
       END $$`,
    );
    for (const [name, table, title] of titleWordIndexes) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" USING gin (to_tsvector('simple'::regconfig, public.briefgraph_fold(${title})))`);
      // Titles that start with what was typed, in order, straight off a B-tree.
      await queryRunner.query(`CREATE INDEX "${name}_prefix" ON "${table}" (public.briefgraph_fold(${title}) text_pattern_ops)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of titleWordIndexes) {
      await queryRunner.query(`DROP INDEX "${name}_prefix"`);
      await queryRunner.query(`DROP INDEX "${name}"`);
    }
    for (const [table] of [...sources].reverse()) {
      await queryRunner.query(`DROP TRIGGER ${table}_search_terms ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION ${table}_search_terms()`);
    }
    await queryRunner.query(`DROP FUNCTION public.briefgraph_estimated_matches(text, text)`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_words(text)`);
    await queryRunner.query(`DROP TABLE search_term`);
  }
}
