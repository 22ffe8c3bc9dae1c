/**
 * Reads the whole knowledge base back into the seed format: references by human
 * key, lessons nested in their brief, publication dates in their partial form.
 * Tables are named with their schema so that drafts are always included, whatever
 * the search path (requests without an API key see the `published` views first).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { BriefStatus } from '../brief/brief.entity';
import { collections, type CollectionName, type Dataset } from '../seed/seed-schema';
import { compareText, inSeedOrder, renderSeedFiles, type SeedFile } from './seed-files';

type Row = Record<string, unknown>;

async function select(manager: EntityManager, sql: string): Promise<Row[]> {
  return (await manager.query(sql)) as Row[];
}

/** Slugs of the rows a join table links to one owner, as an SQL expression. */
function slugsVia(joinTable: string, ownerColumn: string, owner: string, targetColumn: string, targetTable: string): string {
  return `ARRAY(SELECT target.slug FROM public.${joinTable} link JOIN public.${targetTable} target ON target.id = link.${targetColumn} WHERE link.${ownerColumn} = ${owner})`;
}

function sortedSlugs(value: unknown): string[] {
  return [...((value as string[] | null) ?? [])].sort(compareText);
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', as precise as the stored precision says. */
function partialDate(date: unknown, precision: unknown): string | undefined {
  if (typeof date !== 'string') return undefined;
  if (precision === 'YEAR') return date.slice(0, 4);
  if (precision === 'MONTH') return date.slice(0, 7);
  return date;
}

interface StoredMembership {
  district: string;
  joinedOn: string | null;
  joinedPrecision: string | null;
  leftOn: string | null;
  leftPrecision: string | null;
  source: string | null;
}

/** A network's memberships as the seed format writes them: undated, unsourced ones as `members`, the others as `memberships` (ordered() puts their fields in seed order). */
function membersAndMemberships(value: unknown): { members: string[]; memberships: object[] } {
  const stored = [...((value as StoredMembership[] | null) ?? [])].sort((left, right) => compareText(left.district, right.district));
  const plain = (membership: StoredMembership) => !membership.joinedOn && !membership.leftOn && !membership.source;
  return {
    members: stored.filter(plain).map((membership) => membership.district),
    memberships: stored
      .filter((membership) => !plain(membership))
      .map((membership) => ({
        district: membership.district,
        joined: partialDate(membership.joinedOn, membership.joinedPrecision),
        left: partialDate(membership.leftOn, membership.leftPrecision),
        source: membership.source,
      })),
  };
}

function lessonReferenceParts(reference: string): [string, number] {
  const [slug, position] = reference.split('#');
  return [slug, Number(position)];
}

function compareLessonReferences(left: string, right: string): number {
  const [leftSlug, leftPosition] = lessonReferenceParts(left);
  const [rightSlug, rightPosition] = lessonReferenceParts(right);
  return compareText(leftSlug, rightSlug) || leftPosition - rightPosition;
}

function ordered<T>(collection: CollectionName, records: object[]): T[] {
  return records.map((record) => inSeedOrder<T>(collections[collection].fields, record));
}

function bySlug<T extends { slug: string }>(records: T[]): T[] {
  return records.sort((left, right) => compareText(left.slug, right.slug));
}

/** The knowledge base as a dataset, in export order. Run it in one REPEATABLE READ transaction for a consistent snapshot. */
export async function readKnowledgeBase(manager: EntityManager): Promise<Dataset> {
  const sources = await select(manager, `SELECT slug, title, kind, file_name AS "fileName", url, description FROM public.source_document`);

  const organizations = await select(
    manager,
    `SELECT o.slug, o.name, o.short_name AS "shortName", o.kind, o.website_url AS "websiteUrl", o.description, parent.slug AS "housedBy", source.slug AS source
       FROM public.organization o
       LEFT JOIN public.organization parent ON parent.id = o.housed_by_id
       LEFT JOIN public.source_document source ON source.id = o.source_id`,
  );

  const people = await select(
    manager,
    `SELECT p.slug, p.name, p.sort_name AS "sortName", p.orcid,
            (SELECT json_agg(json_build_object('organization', organization.slug, 'startYear', affiliation.start_year, 'endYear', affiliation.end_year)
                             ORDER BY affiliation.position)
               FROM public.person_affiliation affiliation JOIN public.organization organization ON organization.id = affiliation.organization_id
              WHERE affiliation.person_id = p.id) AS affiliations,
            source.slug AS source
       FROM public.person p
       LEFT JOIN public.source_document source ON source.id = p.source_id`,
  );

  const themes = await select(
    manager,
    `SELECT t.slug, t.name, t.description, parent.slug AS parent, source.slug AS source
       FROM public.theme t
       LEFT JOIN public.theme parent ON parent.id = t.parent_id
       LEFT JOIN public.source_document source ON source.id = t.source_id`,
  );

  const districts = await select(
    manager,
    `SELECT d.slug, d.name, d.state, d.kind, source.slug AS source FROM public.district d LEFT JOIN public.source_document source ON source.id = d.source_id`,
  );

  const networks = await select(
    manager,
    `SELECT n.slug, n.name, n.kind, n.aliases, n.description, coordinator.slug AS coordinator,
            (SELECT json_agg(json_build_object('district', district.slug, 'joinedOn', member.joined_on, 'joinedPrecision', member.joined_on_precision,
                                               'leftOn', member.left_on, 'leftPrecision', member.left_on_precision, 'source', member_source.slug))
               FROM public.district_network_member member JOIN public.district district ON district.id = member.district_id
               LEFT JOIN public.source_document member_source ON member_source.id = member.source_id
              WHERE member.network_id = n.id) AS members,
            source.slug AS source
       FROM public.district_network n
       LEFT JOIN public.organization coordinator ON coordinator.id = n.coordinator_id
       LEFT JOIN public.source_document source ON source.id = n.source_id`,
  );

  const meetings = await select(
    manager,
    `SELECT m.number, m.title, m.starts_on AS "startsOn", m.ends_on AS "endsOn", m.city, m.state, convener.slug AS convener, m.description,
            m.editorial_note AS "editorialNote",
            ${slugsVia('meeting_theme', 'meeting_id', 'm.id', 'theme_id', 'theme')} AS themes,
            ${slugsVia('meeting_district', 'meeting_id', 'm.id', 'district_id', 'district')} AS districts,
            ARRAY(SELECT topic.title FROM public.agenda_topic topic WHERE topic.meeting_id = m.id ORDER BY topic.position) AS agenda,
            (SELECT json_agg(json_build_object('kind', material.kind, 'title', material.title, 'fileFormat', material.file_format,
                                               'sizeInKilobytes', material.size_kilobytes, 'url', material.url, 'contents', material.contents) ORDER BY material.position)
               FROM public.meeting_material material WHERE material.meeting_id = m.id) AS materials,
            source.slug AS source
       FROM public.meeting m
       JOIN public.organization convener ON convener.id = m.convener_id
       LEFT JOIN public.source_document source ON source.id = m.source_id`,
  );

  const briefs = await select(
    manager,
    `SELECT b.slug, b.title, b.alternate_titles AS "alternateTitles", b.kind, b.status, b.published_on AS "publishedOn", b.publication_date_precision AS precision, b.summary, b.url, b.authors,
            b.editorial_note AS "editorialNote", publisher.slug AS publisher, meeting.number AS "followsUpMeeting",
            ${slugsVia('brief_theme', 'brief_id', 'b.id', 'theme_id', 'theme')} AS themes,
            ${slugsVia('brief_district', 'brief_id', 'b.id', 'district_id', 'district')} AS districts,
            ${slugsVia('brief_network', 'brief_id', 'b.id', 'network_id', 'district_network')} AS networks,
            ${slugsVia('brief_builds_on', 'brief_id', 'b.id', 'builds_on_brief_id', 'brief')} AS "buildsOn",
            (SELECT json_agg(json_build_object('person', person.slug, 'organization', organization.slug, 'role', contributor.role) ORDER BY contributor.position)
               FROM public.brief_contributor contributor
               LEFT JOIN public.person person ON person.id = contributor.person_id
               LEFT JOIN public.organization organization ON organization.id = contributor.organization_id
              WHERE contributor.brief_id = b.id) AS contributors,
            (SELECT json_agg(json_build_object('kind', file.kind, 'title', file.title, 'url', file.url, 'mediaType', file.media_type,
                                               'sizeInKilobytes', file.size_kilobytes, 'language', file.language, 'source', file_source.slug) ORDER BY file.position)
               FROM public.brief_file file LEFT JOIN public.source_document file_source ON file_source.id = file.source_id
              WHERE file.brief_id = b.id) AS files,
            (SELECT json_agg(json_build_object('scheme', identifier.scheme, 'value', identifier.value, 'source', identifier_source.slug) ORDER BY identifier.position)
               FROM public.brief_identifier identifier LEFT JOIN public.source_document identifier_source ON identifier_source.id = identifier.source_id
              WHERE identifier.brief_id = b.id) AS identifiers,
            b.declared_lesson_count AS "declaredLessonCount",
            (SELECT json_agg(json_build_object('statement', lesson.statement, 'basis', lesson.basis,
                                               -- A lesson names its source only where it differs from its brief's (the import's default).
                                               'source', CASE WHEN lesson.source_id IS DISTINCT FROM b.source_id THEN lesson_source.slug END,
                                               'locator', lesson.locator, 'reportLessonNumber', lesson.report_lesson_number, 'explanation', lesson.explanation,
                                               'themes', ${slugsVia('lesson_theme', 'lesson_id', 'lesson.id', 'theme_id', 'theme')},
                                               'districts', ${slugsVia('lesson_district', 'lesson_id', 'lesson.id', 'district_id', 'district')})
                             ORDER BY lesson.position)
               FROM public.lesson lesson LEFT JOIN public.source_document lesson_source ON lesson_source.id = lesson.source_id
              WHERE lesson.brief_id = b.id) AS lessons,
            source.slug AS source
       FROM public.brief b
       JOIN public.organization publisher ON publisher.id = b.publisher_id
       LEFT JOIN public.meeting meeting ON meeting.id = b.follows_up_meeting_id
       LEFT JOIN public.source_document source ON source.id = b.source_id`,
  );

  // A lesson is named by its place among its brief's lessons, which is the position the import gives it, even if stored positions have gaps.
  const lessonLinks = await select(
    manager,
    `WITH numbered AS (
       SELECT lesson.id, brief.slug || '#' || row_number() OVER (PARTITION BY lesson.brief_id ORDER BY lesson.position) AS reference
         FROM public.lesson lesson JOIN public.brief brief ON brief.id = lesson.brief_id
     )
     SELECT origin.reference AS "from", target.reference AS "to", link.kind, link.basis, link.rationale, link.explanation, source.slug AS source
       FROM public.lesson_link link
       JOIN numbered origin ON origin.id = link.from_lesson_id
       JOIN numbered target ON target.id = link.to_lesson_id
       LEFT JOIN public.source_document source ON source.id = link.source_id`,
  );

  return {
    sources: bySlug(ordered('sources', sources)),
    organizations: bySlug(ordered('organizations', organizations)),
    people: bySlug(ordered('people', people)),
    themes: bySlug(ordered('themes', themes)),
    districts: bySlug(ordered('districts', districts)),
    networks: bySlug(
      ordered(
        'networks',
        networks.map((network) => ({ ...network, ...membersAndMemberships(network.members) })),
      ),
    ),
    meetings: ordered<Dataset['meetings'][number]>(
      'meetings',
      meetings.map((meeting) => ({ ...meeting, themes: sortedSlugs(meeting.themes), districts: sortedSlugs(meeting.districts) })),
    ).sort((left, right) => left.number - right.number),
    briefs: bySlug(
      ordered(
        'briefs',
        briefs.map((brief) => ({
          ...brief,
          status: brief.status === BriefStatus.PUBLISHED ? undefined : brief.status, // PUBLISHED is the default, so it goes unsaid
          published: partialDate(brief.publishedOn, brief.precision),
          themes: sortedSlugs(brief.themes),
          districts: sortedSlugs(brief.districts),
          networks: sortedSlugs(brief.networks),
          buildsOn: sortedSlugs(brief.buildsOn),
          lessons: ((brief.lessons as Row[] | null) ?? []).map((lesson) => ({
            ...lesson,
            themes: sortedSlugs(lesson.themes),
            districts: sortedSlugs(lesson.districts),
          })),
        })),
      ),
    ),
    lessonLinks: ordered<Dataset['lessonLinks'][number]>('lessonLinks', lessonLinks).sort(
      (left, right) => compareLessonReferences(left.from, right.from) || compareLessonReferences(left.to, right.to) || compareText(left.kind, right.kind),
    ),
  };
}

/** The whole knowledge base as seed files, read from one consistent snapshot. */
export async function exportKnowledgeBase(dataSource: DataSource): Promise<SeedFile[]> {
  const dataset = await dataSource.transaction('REPEATABLE READ', (manager) => readKnowledgeBase(manager));
  return renderSeedFiles(dataset);
}
