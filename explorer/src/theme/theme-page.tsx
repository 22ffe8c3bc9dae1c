/** A theme: description, place in the theme tree, timeline (clickable by year), its briefs and lessons, provenance. */
import { useQuery } from 'urql';
import { Link, useSearch } from 'wouter';
import { Facts } from '../shared/facts';
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { Provenance } from '../shared/provenance';
import { Loading, NotFound, RequestError } from '../shared/query-state';
import { RecordActions } from '../shared/record-actions';
import { RecordLink, RecordTags } from '../shared/record-link';
import { ThemeBriefsQuery, ThemeLessonsQuery, ThemePageQuery, ThemeTimelineQuery, ThemeYearQuery } from './theme.queries';
import { TimelineChart, yearSummary, type TimelineYear } from './timeline-chart';

function YearRecords({ slug, themeId, entry }: { slug: string; themeId: string; entry: TimelineYear }) {
  const [result] = useQuery({ query: ThemeYearQuery, variables: { slug, themeId, from: `${entry.year}-01-01`, to: `${entry.year}-12-31` } });
  const headingId = 'year-heading';
  return (
    <section className="year-records" aria-labelledby={headingId}>
      <h2 id={headingId}>In {entry.year}</h2>
      <p className="meta">{yearSummary(entry)}.</p>
      {result.error ? <RequestError error={result.error} /> : null}
      {!result.data ? <Loading /> : null}
      {result.data?.theme ? (
        <>
          <h3>Briefs</h3>
          {result.data.theme.briefs.nodes.length === 0 ? <p className="empty">None.</p> : null}
          <ul className="record-list">
            {result.data.theme.briefs.nodes.map((brief) => (
              <li key={brief.id}>
                <RecordLink record={brief} /> <span className="meta">{brief.publicationDate?.text}</span>
                {brief.lessons.nodes.length > 0 ? (
                  <ol className="nested-lessons" aria-label={`Lessons on this theme in ${brief.title}`}>
                    {brief.lessons.nodes.map((lesson) => (
                      <li key={lesson.id}>
                        <RecordLink record={lesson} />
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ul>
          <h3>Meetings</h3>
          {result.data.theme.meetings.nodes.length === 0 ? <p className="empty">None.</p> : null}
          <ul className="record-list">
            {result.data.theme.meetings.nodes.map((meeting) => (
              <li key={meeting.id}>
                <RecordLink record={meeting} /> <span className="meta">{meeting.dateRange}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The timeline chart and table, with the records of the year chosen in the URL. */
function ThemeTimeline({ slug, themeId, themeName, selectedYear }: { slug: string; themeId: string; themeName: string; selectedYear?: number }) {
  const [result] = useQuery({ query: ThemeTimelineQuery, variables: { slug } });
  const timeline = result.data?.theme?.timeline;
  const hrefOfYear = (year: number) => `/themes/${encodeURIComponent(slug)}?year=${year}`;
  const selected = timeline?.years.find((entry) => entry.year === selectedYear);
  return (
    <>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {result.error ? <RequestError error={result.error} /> : null}
        {!timeline && !result.error ? <Loading label="Counting records year by year…" /> : null}
        {timeline ? (
          <Facts
            facts={[
              ['First appears', timeline.firstAppearance],
              ['Last appears', timeline.lastAppearance],
            ]}
          />
        ) : null}
        {timeline && timeline.years.length === 0 ? <p className="empty">No dated records on this theme.</p> : null}
        {timeline && timeline.years.length > 0 ? (
          <>
            <div className="timeline-wrap">
              <TimelineChart years={timeline.years} hrefOfYear={hrefOfYear} selectedYear={selectedYear} />
              <table className="timeline-table">
                <caption>Records on {themeName} per year (sub-themes included); choose a year to see its records</caption>
                <thead>
                  <tr>
                    <th scope="col">Year</th>
                    <th scope="col">Briefs</th>
                    <th scope="col">Meetings</th>
                    <th scope="col">Lessons</th>
                  </tr>
                </thead>
                <tbody>
                  {timeline.years.map((entry) => (
                    <tr key={entry.year} aria-current={entry.year === selectedYear ? 'true' : undefined}>
                      <th scope="row">
                        <Link href={hrefOfYear(entry.year)}>{entry.year}</Link>
                      </th>
                      <td>{entry.briefs}</td>
                      <td>{entry.meetings}</td>
                      <td>{entry.lessons}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {timeline.undatedBriefs > 0 || timeline.undatedLessons > 0 ? (
              <p className="meta">
                Not in any year (date unknown): {timeline.undatedBriefs} briefs, {timeline.undatedLessons} lessons.
              </p>
            ) : null}
          </>
        ) : null}
      </section>
      {selected ? <YearRecords key={selected.year} slug={slug} themeId={themeId} entry={selected} /> : null}
    </>
  );
}

export function ThemePage({ slug }: { slug: string }) {
  const [result] = useQuery({ query: ThemePageQuery, variables: { slug } });
  const selectedYear = Number(new URLSearchParams(useSearch()).get('year')) || undefined;
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading />;
  const theme = result.data.theme;
  if (!theme) return <NotFound what={`theme “${slug}”`} />;
  return (
    <article className="record theme">
      <p className="record-type">Theme</p>
      <PageTitle title={theme.name}>{theme.name}</PageTitle>
      {theme.description ? <p className="summary">{theme.description}</p> : null}
      <Facts facts={[['Part of', theme.parent && <RecordLink record={theme.parent} />]]} />
      <RecordTags label="Sub-themes" records={theme.children} />
      <RecordActions id={theme.id} graph={false} />
      <ThemeTimeline slug={slug} themeId={theme.id} themeName={theme.name} selectedYear={selectedYear} />
      <PagedList
        heading="Briefs on this theme, newest first"
        query={ThemeBriefsQuery}
        variables={{ slug }}
        select={(data) => data.theme?.briefs}
        itemKey={(brief) => brief.id}
        renderItem={(brief) => (
          <>
            <RecordLink record={brief} /> <span className="meta">{brief.publicationDate?.text}</span>
          </>
        )}
      />
      <PagedList
        heading="Lessons on this theme, newest first"
        query={ThemeLessonsQuery}
        variables={{ slug }}
        select={(data) => data.theme?.lessons}
        itemKey={(lesson) => lesson.id}
        renderItem={(lesson) => <RecordLink record={lesson} />}
      />
      <Provenance source={theme.source} />
    </article>
  );
}
