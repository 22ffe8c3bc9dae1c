/** Where a first-time visitor starts: the search box, what the knowledge base holds, and the ways in. */
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { PageTitle } from '../shared/page-title';
import { RequestError } from '../shared/query-state';
import { RecordLink } from '../shared/record-link';
import { SearchBox } from '../search/search-box';
import { HomeQuery } from './home.queries';

export function HomePage() {
  const [result] = useQuery({ query: HomeQuery, variables: {} });
  const data = result.data;
  return (
    <>
      <PageTitle title="Explore">Explore education research findings</PageTitle>
      <p className="lead">
        Search briefs and reports, read the lessons they draw, and see how findings connect across reports, meetings, districts and themes.
      </p>
      <SearchBox label="Search the knowledge base" />
      {result.error ? <RequestError error={result.error} /> : null}
      {data ? (
        <p className="meta">
          {data.briefs.totalCount} briefs, {data.lessons.totalCount} lessons, {data.meetings.totalCount} meetings, {data.themes.totalCount} top-level themes.
        </p>
      ) : null}
      <div className="home-grid">
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest briefs</h2>
          <ul className="record-list">
            {data?.briefs.nodes.map((brief) => (
              <li key={brief.id}>
                <RecordLink record={brief} /> <span className="meta">{brief.publicationDate?.text ?? 'date unknown'}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/briefs">All briefs</Link>
          </p>
        </section>
        <section aria-labelledby="themes-heading">
          <h2 id="themes-heading">Themes</h2>
          <ul className="chips">
            {data?.themes.nodes.map((theme) => (
              <li key={theme.id}>
                <RecordLink record={theme} />
              </li>
            ))}
          </ul>
          <p>
            <Link href="/themes">The theme tree and timelines</Link>
          </p>
        </section>
        <section aria-labelledby="meetings-heading">
          <h2 id="meetings-heading">Recent meetings</h2>
          <ul className="record-list">
            {data?.meetings.nodes.map((meeting) => (
              <li key={meeting.id}>
                <RecordLink record={meeting} /> <span className="meta">{meeting.dateRange}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/meetings">All meetings</Link>
          </p>
        </section>
        <section aria-labelledby="connect-heading">
          <h2 id="connect-heading">See connections</h2>
          <ul>
            <li>
              <Link href="/graph">The lesson graph</Link>: lessons, the editors’ links between them, shared themes and districts.
            </li>
            <li>
              <Link href="/path">A path between two records</Link>: how a 2011 brief leads to a 2019 report, step by step.
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}
