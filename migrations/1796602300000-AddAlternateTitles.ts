import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A brief's other titles (issue 14): the form a listing or a page shows when the full
 * public title is longer ("Lessons from the CORE Districts" for "Learning and Practicing
 * Continuous Improvement: Lessons from the CORE Districts"). They are searchable like
 * the title: the brief's `search_document` takes them at weight A, and their words join
 * the spelling vocabulary. `brief` has a `published.` view, recreated with its readers.
 */
const searchDocument = (row: string) => `setweight(to_tsvector('public.briefgraph', coalesce(${row}.title, '') || ' ' || array_to_string(${row}.alternate_titles, ' ')), 'A')
      || setweight(to_tsvector('public.briefgraph', coalesce(${row}.summary, '')), 'B')
      || setweight(to_tsvector('public.briefgraph', coalesce(${row}.editorial_note, '') || ' ' || array_to_string(${row}.authors, ' ')), 'C')`;
const previousSearchDocument = `setweight(to_tsvector('public.briefgraph', coalesce(NEW.title, '')), 'A')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.summary, '')), 'B')
      || setweight(to_tsvector('public.briefgraph', coalesce(NEW.editorial_note, '') || ' ' || array_to_string(NEW.authors, ' ')), 'C')`;
const briefText = (row: string, withAlternates: boolean) =>
  `coalesce(${row}.title, '') || ' ' || ${withAlternates ? `array_to_string(${row}.alternate_titles, ' ') || ' ' || ` : ''}coalesce(${row}.summary, '')`;
const lessonText = (row: string) => `coalesce(${row}.statement, '') || ' ' || coalesce(${row}.explanation, '')`;

function searchTermsFunction(withAlternates: boolean): string {
  return `CREATE OR REPLACE FUNCTION brief_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO public.search_term (term) SELECT public.briefgraph_words(${briefText('NEW', withAlternates)}) ON CONFLICT DO NOTHING;
         IF NEW.status = 'PUBLISHED' THEN
           INSERT INTO public.published_search_term (term) SELECT public.briefgraph_words(${briefText('NEW', withAlternates)}) ON CONFLICT DO NOTHING;
           IF TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status THEN
             -- Just published: its lessons' words become public too.
             INSERT INTO public.published_search_term (term)
               SELECT DISTINCT public.briefgraph_words(${lessonText('lesson')}) FROM public.lesson WHERE lesson.brief_id = NEW.id
               ON CONFLICT DO NOTHING;
           END IF;
         END IF;
         RETURN NEW;
       END $$`;
}

/** [view, definition], in dependency order, as migration AddWrites made them. */
const publishedViews: Array<[string, string]> = [
  ['brief', `SELECT * FROM public.brief WHERE status = 'PUBLISHED'`],
  ['lesson', `SELECT lesson.* FROM public.lesson WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = lesson.brief_id)`],
  ['lesson_link', `SELECT link.* FROM public.lesson_link link
     WHERE EXISTS (SELECT 1 FROM published.lesson WHERE lesson.id = link.from_lesson_id)
       AND EXISTS (SELECT 1 FROM published.lesson WHERE lesson.id = link.to_lesson_id)`],
  ['brief_theme', `SELECT link.* FROM public.brief_theme link WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.brief_id)`],
  ['brief_district', `SELECT link.* FROM public.brief_district link WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.brief_id)`],
  ['brief_network', `SELECT link.* FROM public.brief_network link WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.brief_id)`],
  ['brief_builds_on', `SELECT link.* FROM public.brief_builds_on link
     WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.brief_id)
       AND EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.builds_on_brief_id)`],
  ['lesson_theme', `SELECT link.* FROM public.lesson_theme link WHERE EXISTS (SELECT 1 FROM published.lesson WHERE lesson.id = link.lesson_id)`],
  ['lesson_district', `SELECT link.* FROM public.lesson_district link WHERE EXISTS (SELECT 1 FROM published.lesson WHERE lesson.id = link.lesson_id)`],
];

async function dropPublishedViews(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP VIEW published.graph_edge`);
  for (const [view] of [...publishedViews].reverse()) await queryRunner.query(`DROP VIEW published.${view}`);
}

async function createPublishedViews(queryRunner: QueryRunner): Promise<void> {
  for (const [view, definition] of publishedViews) await queryRunner.query(`CREATE VIEW published.${view} AS ${definition}`);
  const [{ definition }] = (await queryRunner.query(`SELECT pg_get_viewdef('public.graph_edge'::regclass) AS definition`)) as Array<{ definition: string }>;
  await queryRunner.query(`SET LOCAL search_path = published, public`);
  await queryRunner.query(`CREATE VIEW published.graph_edge AS ${definition}`);
  await queryRunner.query(`SET LOCAL search_path TO DEFAULT`);
}

export class AddAlternateTitles1796602300000 implements MigrationInterface {
  name = 'AddAlternateTitles1796602300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await dropPublishedViews(queryRunner);
    await queryRunner.query(`ALTER TABLE "brief" ADD "alternate_titles" text array NOT NULL DEFAULT '{}'`);
    await createPublishedViews(queryRunner);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION brief_search_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.search_document := ${searchDocument('NEW')}; RETURN NEW; END $$`);
    await queryRunner.query(`DROP TRIGGER brief_search_document ON "brief"`);
    await queryRunner.query(
      `CREATE TRIGGER brief_search_document BEFORE INSERT OR UPDATE OF title, alternate_titles, summary, editorial_note, authors ON "brief"
       FOR EACH ROW EXECUTE FUNCTION brief_search_document()`,
    );
    await queryRunner.query(searchTermsFunction(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(searchTermsFunction(false));
    await queryRunner.query(`DROP TRIGGER brief_search_document ON "brief"`);
    await queryRunner.query(
      `CREATE TRIGGER brief_search_document BEFORE INSERT OR UPDATE OF title, summary, editorial_note, authors ON "brief"
       FOR EACH ROW EXECUTE FUNCTION brief_search_document()`,
    );
    await queryRunner.query(`CREATE OR REPLACE FUNCTION brief_search_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.search_document := ${previousSearchDocument}; RETURN NEW; END $$`);
    await dropPublishedViews(queryRunner);
    await queryRunner.query(`ALTER TABLE "brief" DROP COLUMN "alternate_titles"`);
    await createPublishedViews(queryRunner);
  }
}
