import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings are found by everything their pages show (issue 14): a meeting's
 * `search_document` takes in its agenda topics (weight B, with the description) and
 * its materials' titles and contents (weight C, with the city), and their words join
 * the spelling vocabulary, so "Briefing Book" or "Human Capital in ESEA" is searched as
 * written instead of being "corrected".
 *
 * Agenda topics and materials are rows of their own, written after their meeting: a
 * trigger on each sets the meeting's `search_document` to NULL, which the meeting's own
 * trigger (now also run on that column) recomputes. So that this bookkeeping does not
 * count as a change of the meeting, `briefgraph_next_version` no longer raises a
 * version when nothing but `search_document` differs.
 */
const cfg = `'public.briefgraph'`;
const agendaText = (meeting: string) => `coalesce((SELECT string_agg(topic.title, ' ' ORDER BY topic.position) FROM public.agenda_topic topic WHERE topic.meeting_id = ${meeting}), '')`;
const materialsText = (meeting: string) =>
  `coalesce((SELECT string_agg(material.title || ' ' || array_to_string(material.contents, ' '), ' ' ORDER BY material.position) FROM public.meeting_material material WHERE material.meeting_id = ${meeting}), '')`;
const meetingText = (row: string) =>
  `coalesce(${row}.title, '') || ' ' || coalesce(${row}.description, '') || ' ' || coalesce(${row}.city, '') || ' ' || ${agendaText(`${row}.id`)} || ' ' || ${materialsText(`${row}.id`)}`;
const previousMeetingText = `coalesce(NEW.title, '') || ' ' || coalesce(NEW.description, '') || ' ' || coalesce(NEW.city, '')`;

export class AddMeetingContentsSearch1796602500000 implements MigrationInterface {
  name = 'AddMeetingContentsSearch1796602500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION public.briefgraph_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- A search document recomputed from other rows is not a change of the record.
         IF (to_jsonb(OLD) - 'search_document') = (to_jsonb(NEW) - 'search_document') THEN RETURN NEW; END IF;
         NEW.version := OLD.version + 1;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION meeting_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_document := setweight(to_tsvector(${cfg}, coalesce(NEW.title, '') || ' Meeting ' || NEW.number), 'A')
           || setweight(to_tsvector(${cfg}, coalesce(NEW.description, '') || ' ' || ${agendaText('NEW.id')}), 'B')
           || setweight(to_tsvector(${cfg}, coalesce(NEW.city, '') || ' ' || ${materialsText('NEW.id')}), 'C');
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`DROP TRIGGER meeting_search_document ON "meeting"`);
    await queryRunner.query(
      `CREATE TRIGGER meeting_search_document BEFORE INSERT OR UPDATE OF title, description, city, number, search_document ON "meeting"
       FOR EACH ROW EXECUTE FUNCTION meeting_search_document()`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION meeting_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO public.search_term (term) SELECT public.briefgraph_words(${meetingText('NEW')}) ON CONFLICT DO NOTHING;
         INSERT INTO public.published_search_term (term) SELECT public.briefgraph_words(${meetingText('NEW')}) ON CONFLICT DO NOTHING;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION meeting_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE public.meeting SET search_document = NULL WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
         RETURN NULL;
       END $$`,
    );
    for (const table of ['agenda_topic', 'meeting_material']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_meeting_search AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION meeting_part_changed()`);
    }
    await queryRunner.query(`UPDATE "meeting" SET search_document = NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agenda_topic', 'meeting_material']) await queryRunner.query(`DROP TRIGGER ${table}_meeting_search ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION meeting_part_changed()`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION meeting_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO public.search_term (term) SELECT public.briefgraph_words(${previousMeetingText}) ON CONFLICT DO NOTHING;
         INSERT INTO public.published_search_term (term) SELECT public.briefgraph_words(${previousMeetingText}) ON CONFLICT DO NOTHING;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`DROP TRIGGER meeting_search_document ON "meeting"`);
    await queryRunner.query(
      `CREATE TRIGGER meeting_search_document BEFORE INSERT OR UPDATE OF title, description, city, number ON "meeting"
       FOR EACH ROW EXECUTE FUNCTION meeting_search_document()`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION meeting_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_document := setweight(to_tsvector(${cfg}, coalesce(NEW.title, '') || ' Meeting ' || NEW.number), 'A')
           || setweight(to_tsvector(${cfg}, coalesce(NEW.description, '')), 'B')
           || setweight(to_tsvector(${cfg}, coalesce(NEW.city, '')), 'C');
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`CREATE OR REPLACE FUNCTION public.briefgraph_next_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$`);
    await queryRunner.query(`UPDATE "meeting" SET title = title`);
  }
}
