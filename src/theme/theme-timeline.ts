/**
 * How a theme rose and fell: for each year, the briefs, meetings and lessons on the
 * theme or its sub-themes (a lesson counts in its brief's year), with the first and
 * last appearance. One statement for every theme asked about in a request.
 */
import DataLoader from 'dataloader';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { userInputError } from '../shared/user-input-error';
import type { RequestContext } from '../context';
import { batchOptions } from '../shared/record-loaders';
import { ThemeTimeline } from './theme-timeline.types';
import { themeKeySet } from './theme.inputs';
import { SqlBuilder } from '../shared/pagination/sql-builder';

interface TimelineRow {
  owner: number;
  year: number | null;
  briefs: number;
  meetings: number;
  lessons: number;
  first: string | null;
  last: string | null;
}

function timelineLoader(context: RequestContext, bases: EvidenceBasis[] | null): DataLoader<number, ThemeTimeline> {
  return new DataLoader(async (themeKeys) => {
    // p(owner) is this statement's own alias (the unnest below), not the read engine's parentKey.
    const subtree = themeKeySet(new SqlBuilder(), 'p.owner', true);
    const rows = (await context.loaders.manager.query(
      `SELECT p.owner, timeline.* FROM unnest($1::int[]) AS p(owner) CROSS JOIN LATERAL (
         WITH themes AS (SELECT unnest(${subtree}) AS id),
              events AS (
                SELECT 'brief' AS kind, b.published_on AS date FROM brief b
                 WHERE b.id IN (SELECT x.brief_id FROM brief_theme x WHERE x.theme_id IN (SELECT id FROM themes))
                UNION ALL
                SELECT 'meeting', m.starts_on FROM meeting m
                 WHERE m.id IN (SELECT x.meeting_id FROM meeting_theme x WHERE x.theme_id IN (SELECT id FROM themes))
                UNION ALL
                SELECT 'lesson', b.published_on FROM lesson l JOIN brief b ON b.id = l.brief_id
                 WHERE l.id IN (SELECT x.lesson_id FROM lesson_theme x WHERE x.theme_id IN (SELECT id FROM themes))
                   AND ($2::evidence_basis[] IS NULL OR l.basis = ANY($2))
              )
         SELECT extract(year FROM date)::int AS year,
                count(*) FILTER (WHERE kind = 'brief')::int AS briefs,
                count(*) FILTER (WHERE kind = 'meeting')::int AS meetings,
                count(*) FILTER (WHERE kind = 'lesson')::int AS lessons,
                min(min(date) FILTER (WHERE kind <> 'lesson')) OVER () AS first,
                max(max(date) FILTER (WHERE kind <> 'lesson')) OVER () AS last
         FROM events GROUP BY 1) timeline
       ORDER BY p.owner, timeline.year NULLS FIRST`,
      [[...new Set(themeKeys)], bases],
    )) as TimelineRow[];
    return themeKeys.map((key) => {
      const own = rows.filter((row) => row.owner === key);
      const undated = own.find((row) => row.year === null);
      return Object.assign(new ThemeTimeline(), {
        years: own.filter((row) => row.year !== null).map((row) => ({ year: row.year!, briefs: row.briefs, meetings: row.meetings, lessons: row.lessons })),
        firstAppearance: own[0]?.first ?? null,
        lastAppearance: own[0]?.last ?? null,
        undatedBriefs: undated?.briefs ?? 0,
        undatedLessons: undated?.lessons ?? 0,
      });
    });
  }, batchOptions);
}

/** `bases` restricts the lessons counted to those resting on them (null for any). */
export function themeTimeline(context: RequestContext, themeKey: number, bases: EvidenceBasis[] | null = null): Promise<ThemeTimeline> {
  if (bases && bases.length === 0) throw userInputError('bases', 'must name at least one basis, or be left out for every basis');
  return context.loaders.themeTimelines.of(bases?.join('|') ?? '', () => timelineLoader(context, bases)).load(themeKey);
}
