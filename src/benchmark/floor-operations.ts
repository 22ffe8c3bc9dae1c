/**
 * The floor: each benchmarked read answered by one hand-written SQL statement (a named,
 * prepared statement that builds the JSON in PostgreSQL) plus the little JavaScript a
 * hand-written handler needs (global IDs, signed cursors, dates written out). It is the
 * reference Briefgraph is measured against, not a product feature: it knows nothing of
 * GraphQL and answers only these five shapes. `npm run bench` checks that it answers
 * exactly what Briefgraph answers, so the two do the same work.
 */
import { formatDateRange, stateNames } from '../shared/calendar';
import { encodeGlobalId } from '../shared/global-id';
import { decodeCursor, encodeCursor } from '../shared/pagination/cursor';
import { PublicationDate } from '../brief/publication-date';
import type { DatePrecision } from '../shared/date-precision';

export interface FloorStatement {
  name: string;
  text: string;
  values: unknown[];
}

export type FloorVariables = Record<string, unknown>;

export interface FloorOperation {
  /** The SQL statement for these variables. */
  statement(variables: FloorVariables): FloorStatement;
  /** Turns the statement's one JSON value (its shape is the statement's, see the types below) into the GraphQL answer's `data`. */
  shape(row: unknown, variables: FloorVariables): unknown;
}

/** The JSON the floor's statements build, as they build it. */
interface NamedJson {
  name: string;
}

interface BriefJson {
  id: number;
  slug: string;
  title: string;
  kind: string;
  summary: string | null;
  published: string | null;
  precision: DatePrecision | null;
  publisher: NamedJson | null;
  themes: NamedJson[];
  lessons: unknown[];
}

interface MeetingJson {
  number: number;
  title: string;
  startsOn: string;
  endsOn: string;
  city: string;
  state: string;
  convener: NamedJson | null;
  agendaTopics: unknown[];
  materials: Array<{ kind: string; title: string; format: string | null; size: number | null }>;
  themes: NamedJson[];
  followUpBriefs: BriefJson[];
}

const publicationDateText = (date: string | null, precision: DatePrecision | null) =>
  date && precision ? { text: new PublicationDate(date, precision).text } : null;

/** The themes of a record, by name, as JSON: `[{ name }]`. */
const themesOf = (joinTable: string, ownerColumn: string, ownerKey: string) =>
  `(SELECT coalesce(json_agg(json_build_object('name', t.name) ORDER BY t.name, t.id), '[]') FROM ${joinTable} x JOIN theme t ON t.id = x.theme_id WHERE x.${ownerColumn} = ${ownerKey})`;

const briefBySlug: FloorOperation = {
  statement: (variables) => ({
    name: 'floor_brief_by_slug',
    text: `SELECT (SELECT json_build_object(
        'id', b.id, 'title', b.title, 'kind', b.kind, 'summary', b.summary, 'published', b.published_on, 'precision', b.publication_date_precision,
        'publisher', (SELECT json_build_object('name', o.name) FROM organization o WHERE o.id = b.publisher_id),
        'themes', ${themesOf('brief_theme', 'brief_id', 'b.id')},
        'lessons', (SELECT coalesce(json_agg(json_build_object('position', l.position, 'statement', l.statement, 'themes', ${themesOf('lesson_theme', 'lesson_id', 'l.id')}) ORDER BY l.brief_id, l.position), '[]')
                    FROM (SELECT * FROM lesson WHERE brief_id = b.id ORDER BY brief_id, position LIMIT 10) l))
      FROM brief b WHERE b.slug = $1) AS data`,
    values: [variables.slug],
  }),
  shape: (row) => {
    const brief = row as BriefJson | null;
    return {
      brief: brief && {
        id: encodeGlobalId('Brief', brief.id),
        title: brief.title,
        kind: brief.kind,
        summary: brief.summary,
        publicationDate: publicationDateText(brief.published, brief.precision),
        publisher: brief.publisher,
        themes: brief.themes,
        lessons: { nodes: brief.lessons },
      },
    };
  },
};

const briefOrder = `coalesce(b.published_on, '0001-01-01'::date)`;

/** The partner list page's filter: on a theme or its sub-themes, reports and policy briefs, since 2005. */
const partnerFilter = `EXISTS (SELECT 1 FROM brief_theme x WHERE x.brief_id = b.id AND x.theme_id = ANY(ARRAY(
    WITH RECURSIVE subtree(id) AS (SELECT $1::int UNION SELECT theme.id FROM theme JOIN subtree ON theme.parent_id = subtree.id) SELECT id FROM subtree)))
  AND b.kind = ANY($2::brief_kind[]) AND b.published_on >= $3::date`;

const partnerListPage: FloorOperation = {
  statement: (variables) => ({
    name: 'floor_partner_list_page',
    text: `SELECT json_build_object(
        'total', (SELECT count(*) FROM brief b WHERE ${partnerFilter}),
        'rows', (SELECT coalesce(json_agg(json_build_object('id', b.id, 'slug', b.slug, 'title', b.title, 'kind', b.kind, 'published', b.published_on, 'precision', b.publication_date_precision,
                   'publisher', (SELECT json_build_object('name', o.name) FROM organization o WHERE o.id = b.publisher_id),
                   'themes', ${themesOf('brief_theme', 'brief_id', 'b.id')}) ORDER BY ${briefOrder} DESC, b.id DESC), '[]')
                 FROM (SELECT * FROM brief b WHERE ${partnerFilter} ORDER BY ${briefOrder} DESC, b.id DESC LIMIT 21) b)) AS data`,
    values: [Number(Buffer.from(String(variables.theme), 'base64url').toString('utf8').split(':')[1]), ['REPORT', 'POLICY_BRIEF'], '2005-01-01'],
  }),
  shape: (row) => {
    const result = row as { total: number; rows: BriefJson[] };
    const rows = result.rows.slice(0, 20);
    const last = rows[rows.length - 1];
    return {
      briefs: {
        totalCount: result.total,
        pageInfo: {
          hasNextPage: result.rows.length > 20,
          endCursor: last ? encodeCursor('briefs:PUBLISHED_AT_DESC', [last.published ?? '0001-01-01', last.id]) : null,
        },
        nodes: rows.map((brief) => ({
          slug: brief.slug,
          title: brief.title,
          kind: brief.kind,
          publicationDate: publicationDateText(brief.published, brief.precision),
          publisher: brief.publisher,
          themes: brief.themes,
        })),
      },
    };
  },
};

const threeLevel: FloorOperation = {
  statement: () => ({
    name: 'floor_three_level',
    text: `SELECT coalesce(json_agg(json_build_object('name', t.name, 'lessons',
        (SELECT coalesce(json_agg(json_build_object('statement', l.statement,
            'brief', (SELECT json_build_object('title', b.title, 'followsUpMeeting', (SELECT json_build_object('number', m.number) FROM meeting m WHERE m.id = b.follows_up_meeting_id))
                      FROM brief b WHERE b.id = l.brief_id),
            'themes', ${themesOf('lesson_theme', 'lesson_id', 'l.id')}) ORDER BY l.id DESC), '[]')
         FROM (SELECT l.* FROM lesson_theme x CROSS JOIN LATERAL (SELECT * FROM lesson WHERE id = x.lesson_id OFFSET 0) l
               WHERE x.theme_id = t.id ORDER BY x.lesson_id DESC LIMIT 10) l)) ORDER BY t.name, t.id), '[]') AS data
      FROM (SELECT * FROM theme ORDER BY name, id LIMIT 10) t`,
    values: [],
  }),
  shape: (themes) => ({
    themes: { nodes: (themes as Array<NamedJson & { lessons: unknown[] }>).map((theme) => ({ name: theme.name, lessons: { nodes: theme.lessons } })) },
  }),
};

const deepListPage: FloorOperation = {
  statement: (variables) => {
    const [published, key] = decodeCursor(String(variables.after), 'briefs:PUBLISHED_AT_DESC', 'after');
    return {
      name: 'floor_deep_list_page',
      text: `SELECT coalesce(json_agg(json_build_object('id', b.id, 'slug', b.slug, 'title', b.title, 'published', b.published_on, 'precision', b.publication_date_precision,
                'publisher', (SELECT json_build_object('name', o.name) FROM organization o WHERE o.id = b.publisher_id)) ORDER BY ${briefOrder} DESC, b.id DESC), '[]') AS data
        FROM (SELECT * FROM brief b WHERE (${briefOrder}, b.id) < ($1::date, $2::int) ORDER BY ${briefOrder} DESC, b.id DESC LIMIT 21) b`,
      values: [published, key],
    };
  },
  shape: (row) => {
    const rows = row as BriefJson[];
    const page = rows.slice(0, 20);
    const last = page[page.length - 1];
    return {
      briefs: {
        pageInfo: {
          hasNextPage: rows.length > 20,
          endCursor: last ? encodeCursor('briefs:PUBLISHED_AT_DESC', [last.published ?? '0001-01-01', last.id]) : null,
        },
        nodes: page.map((brief) => ({
          slug: brief.slug,
          title: brief.title,
          publicationDate: publicationDateText(brief.published, brief.precision),
          publisher: brief.publisher,
        })),
      },
    };
  },
};

const meetingWithMaterials: FloorOperation = {
  statement: (variables) => ({
    name: 'floor_meeting_with_materials',
    text: `SELECT (SELECT json_build_object('number', m.number, 'title', coalesce(m.title, 'Meeting ' || m.number), 'startsOn', m.starts_on, 'endsOn', m.ends_on, 'city', m.city, 'state', m.state,
        'convener', (SELECT json_build_object('name', o.name) FROM organization o WHERE o.id = m.convener_id),
        'agendaTopics', (SELECT coalesce(json_agg(json_build_object('position', a.position, 'title', a.title) ORDER BY a.position), '[]') FROM agenda_topic a WHERE a.meeting_id = m.id),
        'materials', (SELECT coalesce(json_agg(json_build_object('kind', x.kind, 'title', x.title, 'format', x.file_format, 'size', x.size_kilobytes) ORDER BY x.position), '[]') FROM meeting_material x WHERE x.meeting_id = m.id),
        'themes', ${themesOf('meeting_theme', 'meeting_id', 'm.id')},
        'followUpBriefs', (SELECT coalesce(json_agg(json_build_object('title', b.title, 'published', b.published_on, 'precision', b.publication_date_precision,
              'lessons', (SELECT coalesce(json_agg(json_build_object('statement', l.statement) ORDER BY l.brief_id, l.position), '[]')
                          FROM (SELECT * FROM lesson WHERE brief_id = b.id ORDER BY brief_id, position LIMIT 5) l)) ORDER BY ${briefOrder} DESC, b.id DESC), '[]')
            FROM (SELECT * FROM brief b WHERE b.follows_up_meeting_id = m.id ORDER BY ${briefOrder} DESC, b.id DESC LIMIT 10) b))
      FROM meeting m WHERE m.number = $1) AS data`,
    values: [variables.number],
  }),
  shape: (row) => {
    const meeting = row as MeetingJson | null;
    return {
      meeting: meeting && {
        number: meeting.number,
        title: meeting.title,
        dateRange: formatDateRange(meeting.startsOn, meeting.endsOn),
        startsOn: meeting.startsOn,
        endsOn: meeting.endsOn,
        location: { text: `${meeting.city}, ${stateNames[meeting.state] ?? meeting.state}` },
        convener: meeting.convener,
        agendaTopics: meeting.agendaTopics,
        materials: meeting.materials.map((material) => ({
          kind: material.kind,
          title: material.title,
          sizeText: material.size === null ? null : `${material.format ? material.format + ' ' : ''}${material.size} KB`,
        })),
        themes: meeting.themes,
        followUpBriefs: {
          nodes: meeting.followUpBriefs.map((brief) => ({
            title: brief.title,
            publicationDate: publicationDateText(brief.published, brief.precision),
            lessons: { nodes: brief.lessons },
          })),
        },
      },
    };
  },
};

/** By benchmark operation name (src/benchmark/operations.ts). */
export const floorOperations: Record<string, FloorOperation> = {
  'brief by slug': briefBySlug,
  'partner list page': partnerListPage,
  'three-level nested': threeLevel,
  'deep list page': deepListPage,
  'meeting with materials': meetingWithMaterials,
};
