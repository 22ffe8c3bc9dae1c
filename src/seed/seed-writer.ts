/**
 * Writes a validated dataset into the database in one transaction, upserting by
 * human key (slug, meeting number, brief + lesson position). Rows whose content is
 * already the same are left untouched, so loading the same data twice changes
 * nothing, not even `updated_at`.
 */
import type { EntityManager } from 'typeorm';
import type { CollectionName, Dataset } from './seed-schema';

export type Outcome = 'created' | 'updated' | 'unchanged';
export type SeedSummary = Record<CollectionName, Record<Outcome, number>>;

type Values = Record<string, unknown>;

function emptySummary(): SeedSummary {
  const counts = () => ({ created: 0, updated: 0, unchanged: 0 });
  return { sources: counts(), organizations: counts(), themes: counts(), districts: counts(), networks: counts(), meetings: counts(), briefs: counts(), lessonLinks: counts() };
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
       INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(placeholder).join(', ')})
       ON CONFLICT (${conflictColumns.join(', ')}) DO UPDATE
         SET ${updatable.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, updated_at = now()
         WHERE ${row(table)} IS DISTINCT FROM ${row('EXCLUDED')}
       RETURNING id, (xmax = 0) AS inserted
     )
     SELECT id, CASE WHEN inserted THEN 'created' ELSE 'updated' END AS outcome FROM upserted
     UNION ALL
     SELECT id, 'unchanged' FROM ${table}
      WHERE ${conflictColumns.map((column) => `${column} = ${placeholder(column)}`).join(' AND ')}
        AND NOT EXISTS (SELECT 1 FROM upserted)`,
    parameters,
  )) as Array<{ id: number; outcome: Outcome }>;
  return result;
}

/** Makes a join table hold exactly `targetIds` for one owner; returns whether anything changed. */
async function syncJoinTable(manager: EntityManager, table: string, ownerColumn: string, ownerId: number, targetColumn: string, targetIds: number[]): Promise<boolean> {
  const [, deleted] = (await manager.query(`DELETE FROM ${table} WHERE ${ownerColumn} = $1 AND NOT (${targetColumn} = ANY($2::int[]))`, [ownerId, targetIds])) as [unknown, number];
  const inserted = (await manager.query(
    `INSERT INTO ${table} (${ownerColumn}, ${targetColumn}) SELECT $1, target FROM unnest($2::int[]) AS target ON CONFLICT DO NOTHING RETURNING ${targetColumn}`,
    [ownerId, targetIds],
  )) as unknown[];
  return deleted > 0 || inserted.length > 0;
}

/** Removes the children past the given count (positions count from 1); returns whether any went. */
async function trimPositions(manager: EntityManager, table: string, parentColumn: string, parentId: number, count: number): Promise<boolean> {
  const [, deleted] = (await manager.query(`DELETE FROM ${table} WHERE ${parentColumn} = $1 AND position > $2`, [parentId, count])) as [unknown, number];
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

function publicationDate(published: string | undefined): { date: string | null; precision: string | null } {
  if (!published) return { date: null, precision: null };
  if (/^\d{4}$/.test(published)) return { date: `${published}-01-01`, precision: 'YEAR' };
  if (/^\d{4}-\d{2}$/.test(published)) return { date: `${published}-01`, precision: 'MONTH' };
  return { date: published, precision: 'DAY' };
}

export async function writeSeedDataset(manager: EntityManager, dataset: Dataset): Promise<SeedSummary> {
  // Two loaders started at once (say, two servers on one database) take turns.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('briefgraph:seed'))`);
  const summary = emptySummary();
  const ids = {
    sources: new Map<string, number>(),
    organizations: new Map<string, number>(),
    themes: new Map<string, number>(),
    districts: new Map<string, number>(),
    networks: new Map<string, number>(),
    meetings: new Map<number, number>(),
    briefs: new Map<string, number>(),
  };
  const count = (collection: CollectionName, outcome: Outcome, childrenChanged: boolean) => {
    summary[collection][outcome === 'unchanged' && childrenChanged ? 'updated' : outcome]++;
  };
  const idsOf = <K>(map: Map<K, number>, keys: K[] | undefined) => (keys ?? []).map((key) => map.get(key)!);

  for (const source of dataset.sources) {
    const { id, outcome } = await upsertRow(manager, 'source_document', ['slug'], {
      slug: source.slug, title: source.title, kind: source.kind, file_name: source.fileName ?? null, url: source.url ?? null, description: source.description ?? null,
    });
    ids.sources.set(source.slug, id);
    count('sources', outcome, false);
  }

  for (const organization of parentsFirst(dataset.organizations, 'housedBy')) {
    const { id, outcome } = await upsertRow(manager, 'organization', ['slug'], {
      slug: organization.slug, name: organization.name, short_name: organization.shortName ?? null, kind: organization.kind,
      website_url: organization.websiteUrl ?? null, description: organization.description ?? null,
      housed_by_id: organization.housedBy ? ids.organizations.get(organization.housedBy)! : null, source_id: ids.sources.get(organization.source)!,
    });
    ids.organizations.set(organization.slug, id);
    count('organizations', outcome, false);
  }

  for (const theme of parentsFirst(dataset.themes, 'parent')) {
    const { id, outcome } = await upsertRow(manager, 'theme', ['slug'], {
      slug: theme.slug, name: theme.name, description: theme.description ?? null,
      parent_id: theme.parent ? ids.themes.get(theme.parent)! : null, source_id: ids.sources.get(theme.source)!,
    });
    ids.themes.set(theme.slug, id);
    count('themes', outcome, false);
  }

  for (const district of dataset.districts) {
    const { id, outcome } = await upsertRow(manager, 'district', ['slug'], {
      slug: district.slug, name: district.name, state: district.state, kind: district.kind, source_id: ids.sources.get(district.source)!,
    });
    ids.districts.set(district.slug, id);
    count('districts', outcome, false);
  }

  for (const network of dataset.networks) {
    const { id, outcome } = await upsertRow(manager, 'district_network', ['slug'], {
      slug: network.slug, name: network.name, kind: network.kind, description: network.description ?? null,
      coordinator_id: network.coordinator ? ids.organizations.get(network.coordinator)! : null, source_id: ids.sources.get(network.source)!,
    });
    ids.networks.set(network.slug, id);
    const membersChanged = await syncJoinTable(manager, 'district_network_member', 'network_id', id, 'district_id', idsOf(ids.districts, network.members));
    count('networks', outcome, membersChanged);
  }

  for (const meeting of dataset.meetings) {
    const { id, outcome } = await upsertRow(manager, 'meeting', ['number'], {
      number: meeting.number, title: meeting.title ?? null, starts_on: meeting.startsOn, ends_on: meeting.endsOn, city: meeting.city, state: meeting.state,
      convener_id: ids.organizations.get(meeting.convener)!, description: meeting.description ?? null, editorial_note: meeting.editorialNote ?? null,
      source_id: ids.sources.get(meeting.source)!,
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
        meeting_id: id, position: index + 1, kind: material.kind, title: material.title, file_format: material.fileFormat ?? null,
        size_kilobytes: material.sizeInKilobytes ?? null, url: material.url ?? null,
      });
      changed = stored.outcome !== 'unchanged' || changed;
    }
    changed = (await trimPositions(manager, 'meeting_material', 'meeting_id', id, materials.length)) || changed;
    count('meetings', outcome, changed);
  }

  const lessonIds = new Map<string, number>();
  const briefChanged = new Map<string, { outcome: Outcome; changed: boolean }>();
  for (const brief of dataset.briefs) {
    const { date, precision } = publicationDate(brief.published);
    const { id, outcome } = await upsertRow(manager, 'brief', ['slug'], {
      slug: brief.slug, title: brief.title, kind: brief.kind, published_on: date, publication_date_precision: precision, summary: brief.summary,
      url: brief.url ?? null, authors: brief.authors ?? [], editorial_note: brief.editorialNote ?? null, publisher_id: ids.organizations.get(brief.publisher)!,
      follows_up_meeting_id: brief.followsUpMeeting ? ids.meetings.get(brief.followsUpMeeting)! : null, source_id: ids.sources.get(brief.source)!,
    });
    ids.briefs.set(brief.slug, id);
    let changed = await syncJoinTable(manager, 'brief_theme', 'brief_id', id, 'theme_id', idsOf(ids.themes, brief.themes));
    changed = (await syncJoinTable(manager, 'brief_district', 'brief_id', id, 'district_id', idsOf(ids.districts, brief.districts))) || changed;
    changed = (await syncJoinTable(manager, 'brief_network', 'brief_id', id, 'network_id', idsOf(ids.networks, brief.networks))) || changed;
    const lessons = brief.lessons ?? [];
    for (const [index, lesson] of lessons.entries()) {
      const stored = await upsertRow(manager, 'lesson', ['brief_id', 'position'], {
        brief_id: id, position: index + 1, statement: lesson.statement, explanation: lesson.explanation ?? null, source_id: ids.sources.get(brief.source)!,
      });
      lessonIds.set(`${brief.slug}#${index + 1}`, stored.id);
      changed = stored.outcome !== 'unchanged' || changed;
      changed = (await syncJoinTable(manager, 'lesson_theme', 'lesson_id', stored.id, 'theme_id', idsOf(ids.themes, lesson.themes))) || changed;
      changed = (await syncJoinTable(manager, 'lesson_district', 'lesson_id', stored.id, 'district_id', idsOf(ids.districts, lesson.districts))) || changed;
    }
    changed = (await trimPositions(manager, 'lesson', 'brief_id', id, lessons.length)) || changed;
    briefChanged.set(brief.slug, { outcome, changed });
  }
  // Briefs can build on briefs later in the list, so these links wait until every brief has an id.
  for (const brief of dataset.briefs) {
    const state = briefChanged.get(brief.slug)!;
    state.changed = (await syncJoinTable(manager, 'brief_builds_on', 'brief_id', ids.briefs.get(brief.slug)!, 'builds_on_brief_id', idsOf(ids.briefs, brief.buildsOn))) || state.changed;
    count('briefs', state.outcome, state.changed);
  }

  for (const link of dataset.lessonLinks) {
    const { outcome } = await upsertRow(manager, 'lesson_link', ['from_lesson_id', 'to_lesson_id', 'kind'], {
      from_lesson_id: lessonIds.get(link.from)!, to_lesson_id: lessonIds.get(link.to)!, kind: link.kind, rationale: link.rationale,
      source_id: ids.sources.get(link.source)!,
    });
    count('lessonLinks', outcome, false);
  }
  return summary;
}
