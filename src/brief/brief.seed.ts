/**
 * How briefs are written from the seed format, with their lessons, byline, files and
 * identifiers, and read back for an export (lessons nested in their brief, the
 * publication date in its partial form).
 */
import { BriefFileKind } from './brief-file.entity';
import { ContributorRole } from './brief-contributor.entity';
import { partsList, text, requiredText, refs, sourceReference, type FieldSpec } from '../seed/seed-fields';
import type { EntityManager } from 'typeorm';
import { checkIdentifier, IdentifierScheme, workSchemes } from '../identifier/identifier-schemes';
import { SeedValidationError } from '../seed/seed-problem';
import { firstClaim, listOf } from '../seed/record-rules';
import type { LocatedRecord, ReportRecordProblem, SeedRecordType, SeedWriteContext } from '../seed/seed-record-type';
import { nullable, syncJoinTable, upsertRow, writePositioned } from '../seed/seed-rows';
import type { BriefRecord, LessonRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, partialDate, selectRows, slugsVia, sortedSlugs, type Row } from '../transfer/export-rows';
import { BriefStatus } from './brief.entity';
import { storedPublicationDate } from './publication-date';
import { maximumRelationChanges } from '../shared/list-limits';
import { seedColumnValues, seedFieldsOf, jsonObjectColumns, selectedColumns } from '../shared/record-fields/seed-format';
import { briefFields } from './brief.fields';
import { lessonFields } from '../lesson/lesson.fields';

/** A brief's own row; without a status, a new brief is published (the column's default) and a stored one keeps its status. */
function briefRow({ ids, sourceId }: SeedWriteContext, brief: BriefRecord): Record<string, unknown> {
  const { date, precision } = storedPublicationDate(brief.published);
  return {
    ...seedColumnValues(briefFields, brief, ids),
    // Reloading the seeds must not republish what an editor unpublished.
    ...(brief.status ? { status: brief.status } : {}),
    published_on: date,
    publication_date_precision: precision,
    source_id: sourceId(brief.source),
  };
}

/** A brief's lessons, each with its themes and districts; records their ids for lesson links. Returns whether any changed. */
async function writeLessons(context: SeedWriteContext, briefId: number, brief: BriefRecord): Promise<boolean> {
  const { manager, ids, idsOf, sourceId } = context;
  return writePositioned(
    manager,
    'lesson',
    { column: 'brief_id', id: briefId },
    brief.lessons ?? [],
    (lesson: LessonRecord) => ({ ...seedColumnValues(lessonFields, lesson, ids), source_id: sourceId(lesson.source ?? brief.source) }),
    async (lesson, lessonId, position) => {
      ids.lessons.set(`${brief.slug}#${position}`, lessonId);
      const themesChanged = await syncJoinTable(manager, 'lesson_theme', 'lesson_id', lessonId, 'theme_id', idsOf('themes', lesson.themes));
      return (await syncJoinTable(manager, 'lesson_district', 'lesson_id', lessonId, 'district_id', idsOf('districts', lesson.districts))) || themesChanged;
    },
  );
}

/** A brief's byline and files (the parts partner sites link and cite), then its identifiers; returns whether any changed. */
async function writeBriefPublicationParts(context: SeedWriteContext, briefId: number, brief: BriefRecord): Promise<boolean> {
  const { manager, ids, sourceId } = context;
  const parent = { column: 'brief_id', id: briefId };
  let changed = await writePositioned(manager, 'brief_contributor', parent, brief.contributors ?? [], (contributor) => ({
    role: contributor.role,
    person_id: contributor.person ? ids.people.get(contributor.person)! : null,
    organization_id: contributor.organization ? ids.organizations.get(contributor.organization)! : null,
  }));
  const filesChanged = await writePositioned(manager, 'brief_file', parent, brief.files ?? [], (file) => ({
    kind: file.kind,
    title: file.title,
    url: file.url,
    media_type: nullable(file.mediaType),
    size_kilobytes: nullable(file.sizeInKilobytes),
    language: nullable(file.language),
    source_id: sourceId(file.source),
  }));
  changed = filesChanged || changed;
  return (await writeBriefIdentifiers(manager, briefId, brief, sourceId)) || changed;
}

/**
 * Identifiers are unique per scheme across briefs, so a reordered list cannot be
 * upserted position by position (a value would briefly be held twice): an unchanged
 * list is left alone, a changed one replaced whole. One held by another brief stops
 * the load with a problem naming both.
 */
async function writeBriefIdentifiers(
  manager: EntityManager,
  briefId: number,
  brief: BriefRecord,
  sourceId: (slug: string | undefined) => number | null,
): Promise<boolean> {
  const wanted = (brief.identifiers ?? []).map((identifier) => {
    const checked = checkIdentifier(identifier.scheme, identifier.value);
    return { scheme: identifier.scheme, value: 'value' in checked ? checked.value : identifier.value, source_id: sourceId(identifier.source) };
  });
  await refuseTakenIdentifiers(manager, briefId, brief, wanted);
  const stored = (await manager.query(`SELECT scheme, value, source_id FROM public.brief_identifier WHERE brief_id = $1 ORDER BY position`, [
    briefId,
  ])) as Array<{ scheme: IdentifierScheme; value: string; source_id: number | null }>;
  if (JSON.stringify(stored) === JSON.stringify(wanted)) return false;
  await manager.query(`DELETE FROM public.brief_identifier WHERE brief_id = $1`, [briefId]);
  for (const [index, identifier] of wanted.entries()) {
    await manager.query(`INSERT INTO public.brief_identifier (brief_id, position, scheme, value, source_id) VALUES ($1, $2, $3, $4, $5)`, [
      briefId,
      index + 1,
      identifier.scheme,
      identifier.value,
      identifier.source_id,
    ]);
  }
  return true;
}

async function refuseTakenIdentifiers(
  manager: EntityManager,
  briefId: number,
  brief: BriefRecord,
  wanted: Array<{ scheme: IdentifierScheme; value: string }>,
): Promise<void> {
  const taken = (await manager.query(
    `SELECT i.scheme, i.value, b.slug FROM public.brief_identifier i JOIN public.brief b ON b.id = i.brief_id
      WHERE i.brief_id <> $1 AND (i.scheme::text, i.value) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [briefId, wanted.map((identifier) => identifier.scheme), wanted.map((identifier) => identifier.value)],
  )) as Array<{ scheme: IdentifierScheme; value: string; slug: string }>;
  if (taken.length === 0) return;
  throw new SeedValidationError(
    taken.map((row) => ({
      file: '(database)',
      record: `briefs (slug ${JSON.stringify(brief.slug)})`,
      field: 'identifiers',
      message: `${row.scheme} ${row.value} is already the identifier of brief "${row.slug}"`,
    })),
  );
}

async function writeBrief(context: SeedWriteContext, brief: BriefRecord) {
  const { manager, idsOf } = context;
  const { id, outcome } = await upsertRow(manager, 'brief', ['slug'], briefRow(context, brief));
  let changed = await syncJoinTable(manager, 'brief_theme', 'brief_id', id, 'theme_id', idsOf('themes', brief.themes));
  changed = (await syncJoinTable(manager, 'brief_district', 'brief_id', id, 'district_id', idsOf('districts', brief.districts))) || changed;
  changed = (await syncJoinTable(manager, 'brief_network', 'brief_id', id, 'network_id', idsOf('networks', brief.networks))) || changed;
  changed = (await writeBriefPublicationParts(context, id, brief)) || changed;
  changed = (await writeLessons(context, id, brief)) || changed;
  return { id, outcome, changed };
}

const exportQuery = `SELECT ${selectedColumns(briefFields, 'b')}, b.status, b.published_on AS "publishedOn", b.publication_date_precision AS precision,
            publisher.slug AS publisher, meeting.number AS "followsUpMeeting",
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
            (SELECT json_agg(json_build_object(${jsonObjectColumns(lessonFields, 'lesson')},
                                               -- A lesson names its source only where it differs from its brief's (the import's default).
                                               'source', CASE WHEN lesson.source_id IS DISTINCT FROM b.source_id THEN lesson_source.slug END,
                                               'themes', ${slugsVia('lesson_theme', 'lesson_id', 'lesson.id', 'theme_id', 'theme')},
                                               'districts', ${slugsVia('lesson_district', 'lesson_id', 'lesson.id', 'district_id', 'district')})
                             ORDER BY lesson.position)
               FROM public.lesson lesson LEFT JOIN public.source_document lesson_source ON lesson_source.id = lesson.source_id
              WHERE lesson.brief_id = b.id) AS lessons,
            source.slug AS source
       FROM public.brief b
       JOIN public.organization publisher ON publisher.id = b.publisher_id
       LEFT JOIN public.meeting meeting ON meeting.id = b.follows_up_meeting_id
       LEFT JOIN public.source_document source ON source.id = b.source_id`;

/** A stored brief as the seed format writes it: reference lists sorted, the default status unsaid. */
function exportedBrief(brief: Row): Row {
  return {
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
  };
}

/** A byline names exactly one person or organization per entry, and each once. */
function checkByline(brief: LocatedRecord, report: ReportRecordProblem): void {
  const named = new Map<string, number>();
  listOf(brief, 'contributors').forEach((contributor, index) => {
    if (!contributor || typeof contributor !== 'object') return;
    const { person, organization } = contributor as { person?: unknown; organization?: unknown };
    if ((person === undefined || person === null) === (organization === undefined || organization === null)) {
      return report(brief, `contributors[${index}]`, 'must name exactly one of person or organization');
    }
    const who = person ? `person "${String(person)}"` : `organization "${String(organization)}"`;
    if (named.has(who)) report(brief, `contributors[${index}]`, `names ${who} again (already contributors[${named.get(who)}]); a byline names each once`);
    else named.set(who, index);
  });
}

/** Identifiers are valid for their scheme and unique across the briefs (`claimed` holds those seen so far). */
function checkIdentifiers(brief: LocatedRecord, claimed: Map<string, string>, report: ReportRecordProblem): void {
  listOf(brief, 'identifiers').forEach((identifier, index) => {
    if (!identifier || typeof identifier !== 'object') return;
    const { scheme, value } = identifier as { scheme?: unknown; value?: unknown };
    if (typeof scheme !== 'string' || !(scheme in IdentifierScheme) || typeof value !== 'string') return;
    const checked = checkIdentifier(scheme as IdentifierScheme, value);
    if ('problem' in checked) return report(brief, `identifiers[${index}].value`, checked.problem);
    const first = firstClaim(claimed, `${scheme}:${checked.value}`, brief.label);
    if (first) report(brief, `identifiers[${index}].value`, `duplicate ${scheme} ${checked.value}; already given to ${first}`);
  });
}

function checkBriefs(records: LocatedRecord[], report: ReportRecordProblem): void {
  const identifiers = new Map<string, string>();
  for (const brief of records) {
    checkByline(brief, report);
    checkIdentifiers(brief, identifiers, report);
    if (listOf(brief, 'buildsOn').includes(brief.value.slug)) report(brief, 'buildsOn', 'a brief cannot build on itself');
  }
}

// The byline as records, in order: each names a person or an organization (exactly one).
const contributorsField: FieldSpec = partsList(
  {
    person: { type: 'ref', collection: 'people' },
    organization: { type: 'ref', collection: 'organizations' },
    role: { type: 'enum', values: Object.values(ContributorRole), required: true },
  },
  100,
);

const filesField: FieldSpec = partsList(
  {
    kind: { type: 'enum', values: Object.values(BriefFileKind), required: true },
    title: requiredText(500),
    url: { type: 'url', required: true },
    mediaType: text(100),
    sizeInKilobytes: { type: 'positiveNumber' },
    language: text(35),
    source: sourceReference,
  },
  100,
);

const identifiersField: FieldSpec = partsList(
  {
    scheme: { type: 'enum', values: workSchemes, required: true },
    value: requiredText(2000),
    source: sourceReference,
  },
  20,
);

const lessonsField: FieldSpec = partsList(
  {
    // A lesson's source, when omitted, is its brief's.
    ...seedFieldsOf(lessonFields, { basis: { source: sourceReference } }),
    themes: refs('themes'),
    districts: refs('districts'),
  },
  500,
);

export const briefSeed: SeedRecordType<'briefs'> = {
  collection: 'briefs',
  key: 'slug',
  fields: {
    ...seedFieldsOf(briefFields, {
      kind: {
        // Omitted means PUBLISHED; drafts are seen only by requests with an API key.
        status: { type: 'enum', values: Object.values(BriefStatus) },
        published: { type: 'partialDate' },
      },
      authors: {
        contributors: contributorsField,
        files: filesField,
        identifiers: identifiersField,
      },
      followsUpMeeting: {
        themes: refs('themes'),
        districts: refs('districts'),
        networks: refs('networks'),
        buildsOn: refs('briefs', maximumRelationChanges),
      },
      declaredLessonCount: {
        lessons: lessonsField,
      },
    }),
    source: sourceReference,
  },
  checkRecords: checkBriefs,
  write: writeBrief,
  // Briefs can build on briefs later in the list, so these links wait until every brief has an id.
  async afterWriting({ manager, ids, idsOf }, written) {
    for (const { record: brief, result } of written) {
      const buildsOn = idsOf('briefs', brief.buildsOn);
      result.changed =
        (await syncJoinTable(manager, 'brief_builds_on', 'brief_id', ids.briefs.get(brief.slug)!, 'builds_on_brief_id', buildsOn)) || result.changed;
    }
  },
  async readAll(manager) {
    const rows = await selectRows(manager, exportQuery);
    return bySlug(inSeedOrderOf<BriefRecord>(this.fields, rows.map(exportedBrief)));
  },
};
