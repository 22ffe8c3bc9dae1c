import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The spelling vocabulary of readers without a key: `published_search_term` holds the
 * words of published content only (drafts' words stay in `search_term`, seen by
 * requests with a key), exposed to them as `published.search_term`. A brief's words,
 * and its lessons', join it when the brief is published. Like `search_term`, it keeps
 * words once added, so a brief unpublished after publication leaves its words there.
 */
const alwaysPublic: Array<[table: string, text: string]> = [
  ['meeting', `coalesce(NEW.title, '') || ' ' || coalesce(NEW.description, '') || ' ' || coalesce(NEW.city, '')`],
  ['theme', `coalesce(NEW.name, '') || ' ' || coalesce(NEW.description, '')`],
  ['district', `coalesce(NEW.name, '')`],
  ['organization', `coalesce(NEW.name, '') || ' ' || coalesce(NEW.short_name, '') || ' ' || coalesce(NEW.description, '')`],
];
const briefText = (row: string) => `coalesce(${row}.title, '') || ' ' || coalesce(${row}.summary, '')`;
const lessonText = (row: string) => `coalesce(${row}.statement, '') || ' ' || coalesce(${row}.explanation, '')`;

export class AddPublishedSearchTerms1795452000000 implements MigrationInterface {
  name = 'AddPublishedSearchTerms1795452000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE published_search_term (term text PRIMARY KEY)`);
    for (const [table, text] of alwaysPublic) {
      await queryRunner.query(
        `CREATE OR REPLACE FUNCTION ${table}_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO public.search_term (term) SELECT public.briefgraph_words(${text}) ON CONFLICT DO NOTHING;
           INSERT INTO public.published_search_term (term) SELECT public.briefgraph_words(${text}) ON CONFLICT DO NOTHING;
           RETURN NEW;
         END $$`,
      );
      await queryRunner.query(`INSERT INTO published_search_term (term) SELECT DISTINCT public.briefgraph_words(${text.replace(/NEW\./g, '')}) FROM "${table}" ON CONFLICT DO NOTHING`);
    }
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION brief_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO public.search_term (term) SELECT public.briefgraph_words(${briefText('NEW')}) ON CONFLICT DO NOTHING;
         IF NEW.status = 'PUBLISHED' THEN
           INSERT INTO public.published_search_term (term) SELECT public.briefgraph_words(${briefText('NEW')}) ON CONFLICT DO NOTHING;
           IF TG_OP = 'UPDATE' AND OLD.status IS DISTINCT FROM NEW.status THEN
             -- Just published: its lessons' words become public too.
             INSERT INTO public.published_search_term (term)
               SELECT DISTINCT public.briefgraph_words(${lessonText('lesson')}) FROM public.lesson WHERE lesson.brief_id = NEW.id
               ON CONFLICT DO NOTHING;
           END IF;
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION lesson_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO public.search_term (term) SELECT public.briefgraph_words(${lessonText('NEW')}) ON CONFLICT DO NOTHING;
         IF EXISTS (SELECT 1 FROM public.brief WHERE brief.id = NEW.brief_id AND brief.status = 'PUBLISHED') THEN
           INSERT INTO public.published_search_term (term) SELECT public.briefgraph_words(${lessonText('NEW')}) ON CONFLICT DO NOTHING;
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`INSERT INTO published_search_term (term) SELECT DISTINCT public.briefgraph_words(${briefText('brief')}) FROM brief WHERE status = 'PUBLISHED' ON CONFLICT DO NOTHING`);
    await queryRunner.query(
      `INSERT INTO published_search_term (term) SELECT DISTINCT public.briefgraph_words(${lessonText('lesson')}) FROM lesson JOIN brief ON brief.id = lesson.brief_id WHERE brief.status = 'PUBLISHED' ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(`CREATE INDEX published_search_term_trigram ON published_search_term USING gin (term public.gin_trgm_ops)`);
    await queryRunner.query(`CREATE VIEW published.search_term AS SELECT term FROM public.published_search_term`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW published.search_term`);
    const restore: Array<[string, string]> = [...alwaysPublic, ['brief', briefText('NEW')], ['lesson', lessonText('NEW')]];
    for (const [table, text] of restore) {
      await queryRunner.query(
        `CREATE OR REPLACE FUNCTION ${table}_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN INSERT INTO search_term (term) SELECT public.briefgraph_words(${text}) ON CONFLICT DO NOTHING; RETURN NEW; END $$`,
      );
    }
    await queryRunner.query(`DROP TABLE published_search_term`);
  }
}
