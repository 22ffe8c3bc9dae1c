/**
 * Writes a validated dataset into the database in one transaction, upserting by
 * human key (slug, meeting number, brief + lesson position). Rows whose content is
 * already the same are left untouched, so loading the same data twice changes
 * nothing, not even `updated_at` (or `version`, which a trigger keeps).
 *
 * Tables are named with their schema: requests without an API key run with the
 * `published` views first on the search path, and the writer must reach the tables.
 */
import type { EntityManager } from 'typeorm';
import { storedPublicationDate } from '../brief/publication-date';
import { checkIdentifier, IdentifierScheme } from '../identifier/identifier-schemes';
import { SeedValidationError } from './seed-reader';
import { collectionNames, type BriefRecord, type CollectionName, type Dataset, type ExternalKeys, type MembershipRecord } from './seed-schema';

export type Outcome = 'created' | 'updated' | 'unchanged';
export type SeedSummary = Record<CollectionName, Record<Outcome, number>>;

type Values = Record<string, unknown>;

export interface WriteOptions {
  /** Called after each top-level record (a brief counts once, with its lessons) with the count so far and the total. */
  onProgress?: (written: number, total: number) => void;
  /** Database keys of records the dataset refers to but does not hold (src/transfer/external-references.ts). */
  externalKeys?: ExternalKeys;
}

/** How many top-level records a dataset holds, as progress counts them. */
export function countRecords(dataset: Dataset): number {
  return collectionNames.reduce((total, name) => total + dataset[name].length, 0);
}

/** Absent and empty optional values are stored as NULL, so that an export (which omits both) reads back the same. */
function nullable<T>(value: T | undefined): T | null {
  return value === undefined || value === '' ? null : value;
}

function emptySummary(): SeedSummary {
  const counts = () => ({ created: 0, updated: 0, unchanged: 0 });
  return {
    sources: counts(),
    organizations: counts(),
    people: counts(),
    themes: counts(),
    districts: counts(),
    networks: counts(),
    meetings: counts(),
    briefs: counts(),
    lessonLinks: counts(),
  };
}

/** Inserts or updates one row identified by `conflictColumns`; one statement. */
async function upsertRow(manager: EntityManager, table: string, conflictColumns: string[], values: Values): Promise<{ id: number; outcome: Outcome }> {
  const columns = Object.keys(values);
  const updatable = columns.filter((column) => !conflictColumns.includes(column));
  const parameters = columns.map((column) => values[column]);
  const placeholder = (column: string) => `$${columns.indexOf(column) + 1}`;
  const row = (prefix: string) => `ROW(${updatable.map((column) => `${prefix}.${column}`).join(', ')})`;
  const [result] = (await manager.query(
    `WITH upserted AS (
       INSERT INTO public.${table} AS stored (${columns.join(', ')}) VALUES (${columns.map(placeholder).join(', ')})
       ON CONFLICT (${conflictColumns.join(', ')}) DO UPDATE
         SET ${updatable.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, updated_at = now()
         WHERE ${row('stored')} IS DISTINCT FROM ${row('EXCLUDED')}
       RETURNING id, (xmax = 0) AS inserted
     )
     SELECT id, CASE WHEN inserted THEN 'created' ELSE 'updated' END AS outcome FROM upserted
     UNION ALL
     SELECT id, 'unchanged' FROM public.${table}
      WHERE ${conflictColumns.map((column) => `${column} = ${placeholder(column)}`).join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM upserted)`,
    parameters,
  )) as Array<{ id: number; outcome: Outcome }>;
  return result;
}

/** Makes a join table hold exactly `targetIds` for one owner; returns whether anything changed. */
async function syncJoinTable(
  manager: EntityManager,
  table: string,
  ownerColumn: string,
  ownerId: number,
  targetColumn: string,
  targetIds: number[],
): Promise<boolean> {
  const [, deleted] = (await manager.query(`DELETE FROM public.${table} WHERE ${ownerColumn} = $1 AND NOT (${targetColumn} = ANY($2::int[]))`, [
    ownerId,
    targetIds,
  ])) as [unknown, number];
  const inserted = (await manager.query(
    `INSERT INTO public.${table} (${ownerColumn}, ${targetColumn}) SELECT $1, target FROM unnest($2::int[]) AS target ON CONFLICT DO NOTHING RETURNING ${targetColumn}`,
    [ownerId, targetIds],
  )) as unknown[];
  return deleted > 0 || inserted.length > 0;
}

/**
 * Sets a network's memberships, dated and sourced, leaving unchanged rows untouched; returns whether any changed.
 * A membership given without dates or source clears those of a stored one.
 */
async function syncMemberships(
  manager: EntityManager,
  networkId: number,
  memberships: Array<{ districtId: number; joined?: string; left?: string; sourceId: number | null }>,
): Promise<boolean> {
  const districtIds = memberships.map((membership) => membership.districtId);
  const [, deleted] = (await manager.query(`DELETE FROM public.district_network_member WHERE network_id = $1 AND NOT (district_id = ANY($2::int[]))`, [
    networkId,
    districtIds,
  ])) as [unknown, number];
  let changed = deleted > 0;
  for (const membership of memberships) {
    const joined = storedPublicationDate(membership.joined);
    const left = storedPublicationDate(membership.left);
    const written = (await manager.query(
      `INSERT INTO public.district_network_member AS m (network_id, district_id, joined_on, joined_on_precision, left_on, left_on_precision, source_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (network_id, district_id) DO UPDATE SET joined_on = EXCLUDED.joined_on, joined_on_precision = EXCLUDED.joined_on_precision,
         left_on = EXCLUDED.left_on, left_on_precision = EXCLUDED.left_on_precision, source_id = EXCLUDED.source_id
       WHERE (m.joined_on, m.joined_on_precision, m.left_on, m.left_on_precision, m.source_id)
             IS DISTINCT FROM (EXCLUDED.joined_on, EXCLUDED.joined_on_precision, EXCLUDED.left_on, EXCLUDED.left_on_precision, EXCLUDED.source_id)
       RETURNING district_id`,
      [networkId, membership.districtId, joined.date, joined.precision, left.date, left.precision, membership.sourceId],
    )) as unknown[];
    changed = changed || written.length > 0;
  }
  return changed;
}

/** Removes the children past the given count (positions count from 1); returns whether any went. */
async function trimPositions(manager: EntityManager, table: string, parentColumn: string, parentId: number, count: number): Promise<boolean> {
  const [, deleted] = (await manager.query(`DELETE FROM public.${table} WHERE ${parentColumn} = $1 AND position > $2`, [parentId, count])) as [unknown, number];
  return deleted > 0;
}

/** Orders records so that each comes after the record its `parentField` names. */
function parentsFirst<T extends { slug: string }>(records: T[], parentField: keyof T): T[] {
  const bySlug = new Map(records.map((record) => [record.slug, record]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const place = (record: T) => {
    if (placed.has(record.slug)) return;
    placed.add(record.slug);
    const parent = record[parentField] as unknown as string | undefined;
    if (parent && bySlug.has(parent)) place(bySlug.get(parent)!);
    ordered.push(record);
  };
  records.forEach(place);
  return ordered;
}

export async function writeSeedDataset(manager: EntityManager, dataset: Dataset, options: WriteOptions = {}): Promise<SeedSummary> {
  // Two loaders started at once (say, two servers on one database) take turns.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('briefgraph:seed'))`);
  const summary = emptySummary();
  const ids = {
    sources: new Map<string, number>(),
    organizations: new Map<string, number>(),
    people: new Map<string, number>(),
    themes: new Map<string, number>(),
    districts: new Map<string, number>(),
    networks: new Map<string, number>(),
    meetings: new Map<number, number>(),
    briefs: new Map<string, number>(),
  };
  for (const [collection, keys] of Object.entries(options.externalKeys ?? {}) as Array<[keyof ExternalKeys, Map<string | number, number>]>) {
    if (collection in ids) for (const [key, id] of keys) (ids[collection as keyof typeof ids] as Map<string | number, number>).set(key, id);
  }
  const count = (collection: CollectionName, outcome: Outcome, childrenChanged: boolean) => {
    summary[collection][outcome === 'unchanged' && childrenChanged ? 'updated' : outcome]++;
  };
  const total = countRecords(dataset);
  let written = 0;
  const progressed = () => options.onProgress?.(++written, total);
  const idsOf = <K>(map: Map<K, number>, keys: K[] | undefined) => (keys ?? []).map((key) => map.get(key)!);
  const sourceId = (slug: string | undefined) => (slug ? ids.sources.get(slug)! : null);

  for (const source of dataset.sources) {
    const { id, outcome } = await upsertRow(manager, 'source_document', ['slug'], {
      slug: source.slug,
      title: source.title,
      kind: source.kind,
      file_name: nullable(source.fileName),
      url: nullable(source.url),
      description: nullable(source.description),
    });
    ids.sources.set(source.slug, id);
    count('sources', outcome, false);
    progressed();
  }

  for (const organization of parentsFirst(dataset.organizations, 'housedBy')) {
    const { id, outcome } = await upsertRow(manager, 'organization', ['slug'], {
      slug: organization.slug,
      name: organization.name,
      short_name: nullable(organization.shortName),
      kind: organization.kind,
      website_url: nullable(organization.websiteUrl),
      description: nullable(organization.description),
      housed_by_id: organization.housedBy ? ids.organizations.get(organization.housedBy)! : null,
      source_id: sourceId(organization.source),
    });
    ids.organizations.set(organization.slug, id);
    count('organizations', outcome, false);
    progressed();
  }

  for (const person of dataset.people) {
    const orcid = storedOrcid(person.orcid);
    const [holder] = orcid
      ? ((await manager.query(`SELECT slug FROM public.person WHERE orcid = $1 AND slug <> $2`, [orcid, person.slug])) as Array<{ slug: string }>)
      : [];
    if (holder) {
      throw new SeedValidationError([
        {
          file: '(database)',
          record: `people (slug ${JSON.stringify(person.slug)})`,
          field: 'orcid',
          message: `ORCID iD ${orcid} is already the ORCID iD of person "${holder.slug}"`,
        },
      ]);
    }
    const { id, outcome } = await upsertRow(manager, 'person', ['slug'], {
      slug: person.slug,
      name: person.name,
      sort_name: person.sortName,
      orcid,
      source_id: sourceId(person.source),
    });
    ids.people.set(person.slug, id);
    const affiliations = person.affiliations ?? [];
    let changed = false;
    for (const [index, affiliation] of affiliations.entries()) {
      const stored = await upsertRow(manager, 'person_affiliation', ['person_id', 'position'], {
        person_id: id,
        position: index + 1,
        organization_id: ids.organizations.get(affiliation.organization)!,
        start_year: nullable(affiliation.startYear),
        end_year: nullable(affiliation.endYear),
      });
      changed = stored.outcome !== 'unchanged' || changed;
    }
    changed = (await trimPositions(manager, 'person_affiliation', 'person_id', id, affiliations.length)) || changed;
    count('people', outcome, changed);
    progressed();
  }

  for (const theme of parentsFirst(dataset.themes, 'parent')) {
    const { id, outcome } = await upsertRow(manager, 'theme', ['slug'], {
      slug: theme.slug,
      name: theme.name,
      description: nullable(theme.description),
      parent_id: theme.parent ? ids.themes.get(theme.parent)! : null,
      source_id: sourceId(theme.source),
    });
    ids.themes.set(theme.slug, id);
    count('themes', outcome, false);
    progressed();
  }

  for (const district of dataset.districts) {
    const { id, outcome } = await upsertRow(manager, 'district', ['slug'], {
      slug: district.slug,
      name: district.name,
      state: district.state,
      kind: district.kind,
      source_id: sourceId(district.source),
    });
    ids.districts.set(district.slug, id);
    count('districts', outcome, false);
    progressed();
  }

  for (const network of dataset.networks) {
    const { id, outcome } = await upsertRow(manager, 'district_network', ['slug'], {
      slug: network.slug,
      name: network.name,
      kind: network.kind,
      aliases: network.aliases ?? [],
      description: nullable(network.description),
      coordinator_id: network.coordinator ? ids.organizations.get(network.coordinator)! : null,
      source_id: sourceId(network.source),
    });
    ids.networks.set(network.slug, id);
    const memberships: MembershipRecord[] = [...(network.members ?? []).map((district) => ({ district })), ...(network.memberships ?? [])];
    const membersChanged = await syncMemberships(
      manager,
      id,
      memberships.map((membership) => ({ ...membership, districtId: ids.districts.get(membership.district)!, sourceId: sourceId(membership.source) })),
    );
    count('networks', outcome, membersChanged);
    progressed();
  }

  for (const meeting of dataset.meetings) {
    const { id, outcome } = await upsertRow(manager, 'meeting', ['number'], {
      number: meeting.number,
      title: nullable(meeting.title),
      starts_on: meeting.startsOn,
      ends_on: meeting.endsOn,
      city: meeting.city,
      state: meeting.state,
      convener_id: ids.organizations.get(meeting.convener)!,
      description: nullable(meeting.description),
      editorial_note: nullable(meeting.editorialNote),
      source_id: sourceId(meeting.source),
    });
    ids.meetings.set(meeting.number, id);
    let changed = await syncJoinTable(manager, 'meeting_theme', 'meeting_id', id, 'theme_id', idsOf(ids.themes, meeting.themes));
    changed = (await syncJoinTable(manager, 'meeting_district', 'meeting_id', id, 'district_id', idsOf(ids.districts, meeting.districts))) || changed;
    const agenda = meeting.agenda ?? [];
    for (const [index, title] of agenda.entries()) {
      const topic = await upsertRow(manager, 'agenda_topic', ['meeting_id', 'position'], { meeting_id: id, position: index + 1, title });
      changed = topic.outcome !== 'unchanged' || changed;
    }
    changed = (await trimPositions(manager, 'agenda_topic', 'meeting_id', id, agenda.length)) || changed;
    const materials = meeting.materials ?? [];
    for (const [index, material] of materials.entries()) {
      const stored = await upsertRow(manager, 'meeting_material', ['meeting_id', 'position'], {
        meeting_id: id,
        position: index + 1,
        kind: material.kind,
        title: material.title,
        file_format: nullable(material.fileFormat),
        size_kilobytes: nullable(material.sizeInKilobytes),
        url: nullable(material.url),
        contents: material.contents ?? [],
      });
      changed = stored.outcome !== 'unchanged' || changed;
    }
    changed = (await trimPositions(manager, 'meeting_material', 'meeting_id', id, materials.length)) || changed;
    count('meetings', outcome, changed);
    progressed();
  }

  const lessonIds = new Map<string, number>([...(options.externalKeys?.lessons ?? new Map<string, number>())].map(([key, id]) => [String(key), id]));
  const briefChanged = new Map<string, { outcome: Outcome; changed: boolean }>();
  for (const brief of dataset.briefs) {
    const { date, precision } = storedPublicationDate(brief.published);
    const { id, outcome } = await upsertRow(manager, 'brief', ['slug'], {
      slug: brief.slug,
      title: brief.title,
      alternate_titles: brief.alternateTitles ?? [],
      kind: brief.kind,
      // Without a status, a new brief is published (the column's default) and a stored one keeps its status:
      // reloading the seeds must not republish what an editor unpublished.
      ...(brief.status ? { status: brief.status } : {}),
      published_on: date,
      publication_date_precision: precision,
      summary: brief.summary,
      url: nullable(brief.url),
      authors: brief.authors ?? [],
      editorial_note: nullable(brief.editorialNote),
      publisher_id: ids.organizations.get(brief.publisher)!,
      follows_up_meeting_id: brief.followsUpMeeting ? ids.meetings.get(brief.followsUpMeeting)! : null,
      source_id: sourceId(brief.source),
      declared_lesson_count: nullable(brief.declaredLessonCount),
    });
    ids.briefs.set(brief.slug, id);
    let changed = await syncJoinTable(manager, 'brief_theme', 'brief_id', id, 'theme_id', idsOf(ids.themes, brief.themes));
    changed = (await syncJoinTable(manager, 'brief_district', 'brief_id', id, 'district_id', idsOf(ids.districts, brief.districts))) || changed;
    changed = (await syncJoinTable(manager, 'brief_network', 'brief_id', id, 'network_id', idsOf(ids.networks, brief.networks))) || changed;
    changed = (await writeBriefPublicationParts(manager, id, brief, ids.people, ids.organizations, sourceId)) || changed;
    const lessons = brief.lessons ?? [];
    for (const [index, lesson] of lessons.entries()) {
      const stored = await upsertRow(manager, 'lesson', ['brief_id', 'position'], {
        brief_id: id,
        position: index + 1,
        statement: lesson.statement,
        explanation: nullable(lesson.explanation),
        source_id: sourceId(lesson.source ?? brief.source),
        basis: lesson.basis ?? 'EDITORIAL_INFERENCE',
        locator: nullable(lesson.locator),
        report_lesson_number: nullable(lesson.reportLessonNumber),
      });
      lessonIds.set(`${brief.slug}#${index + 1}`, stored.id);
      changed = stored.outcome !== 'unchanged' || changed;
      changed = (await syncJoinTable(manager, 'lesson_theme', 'lesson_id', stored.id, 'theme_id', idsOf(ids.themes, lesson.themes))) || changed;
      changed = (await syncJoinTable(manager, 'lesson_district', 'lesson_id', stored.id, 'district_id', idsOf(ids.districts, lesson.districts))) || changed;
    }
    changed = (await trimPositions(manager, 'lesson', 'brief_id', id, lessons.length)) || changed;
    briefChanged.set(brief.slug, { outcome, changed });
    progressed();
  }
  // Briefs can build on briefs later in the list, so these links wait until every brief has an id.
  for (const brief of dataset.briefs) {
    const state = briefChanged.get(brief.slug)!;
    state.changed =
      (await syncJoinTable(manager, 'brief_builds_on', 'brief_id', ids.briefs.get(brief.slug)!, 'builds_on_brief_id', idsOf(ids.briefs, brief.buildsOn))) ||
      state.changed;
    count('briefs', state.outcome, state.changed);
  }

  for (const link of dataset.lessonLinks) {
    const { outcome } = await upsertRow(manager, 'lesson_link', ['from_lesson_id', 'to_lesson_id', 'kind'], {
      from_lesson_id: lessonIds.get(link.from)!,
      to_lesson_id: lessonIds.get(link.to)!,
      kind: link.kind,
      rationale: link.rationale,
      source_id: sourceId(link.source),
      basis: link.basis ?? 'EDITORIAL_INFERENCE',
      explanation: nullable(link.explanation),
    });
    count('lessonLinks', outcome, false);
    progressed();
  }
  return summary;
}

/** An ORCID iD in its stored form (the reader has checked it). */
function storedOrcid(orcid: string | undefined): string | null {
  if (!orcid) return null;
  const checked = checkIdentifier(IdentifierScheme.ORCID, orcid);
  return 'value' in checked ? checked.value : orcid;
}

/** A brief's byline, files and identifiers (the parts partner sites link and cite); returns whether any changed. */
async function writeBriefPublicationParts(
  manager: EntityManager,
  briefId: number,
  brief: BriefRecord,
  people: Map<string, number>,
  organizations: Map<string, number>,
  sourceId: (slug: string | undefined) => number | null,
): Promise<boolean> {
  let changed = false;
  const contributors = brief.contributors ?? [];
  for (const [index, contributor] of contributors.entries()) {
    const stored = await upsertRow(manager, 'brief_contributor', ['brief_id', 'position'], {
      brief_id: briefId,
      position: index + 1,
      role: contributor.role,
      person_id: contributor.person ? people.get(contributor.person)! : null,
      organization_id: contributor.organization ? organizations.get(contributor.organization)! : null,
    });
    changed = stored.outcome !== 'unchanged' || changed;
  }
  changed = (await trimPositions(manager, 'brief_contributor', 'brief_id', briefId, contributors.length)) || changed;
  const files = brief.files ?? [];
  for (const [index, file] of files.entries()) {
    const stored = await upsertRow(manager, 'brief_file', ['brief_id', 'position'], {
      brief_id: briefId,
      position: index + 1,
      kind: file.kind,
      title: file.title,
      url: file.url,
      media_type: nullable(file.mediaType),
      size_kilobytes: nullable(file.sizeInKilobytes),
      language: nullable(file.language),
      source_id: sourceId(file.source),
    });
    changed = stored.outcome !== 'unchanged' || changed;
  }
  changed = (await trimPositions(manager, 'brief_file', 'brief_id', briefId, files.length)) || changed;
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
  const taken = (await manager.query(
    `SELECT i.scheme, i.value, b.slug FROM public.brief_identifier i JOIN public.brief b ON b.id = i.brief_id
      WHERE i.brief_id <> $1 AND (i.scheme::text, i.value) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [briefId, wanted.map((identifier) => identifier.scheme), wanted.map((identifier) => identifier.value)],
  )) as Array<{ scheme: IdentifierScheme; value: string; slug: string }>;
  if (taken.length > 0) {
    throw new SeedValidationError(
      taken.map((row) => ({
        file: '(database)',
        record: `briefs (slug ${JSON.stringify(brief.slug)})`,
        field: 'identifiers',
        message: `${row.scheme} ${row.value} is already the identifier of brief "${row.slug}"`,
      })),
    );
  }
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
