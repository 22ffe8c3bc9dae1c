/** A meeting: dates, place, convener, agenda, materials, and the briefs that followed it up with their lessons. */
import { useQuery } from 'urql';
import { Facts } from '../shared/facts';
import { enumLabel } from '../shared/kinds';
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { Provenance } from '../shared/provenance';
import { Loading, NotFound, RequestError } from '../shared/query-state';
import { RecordActions } from '../shared/record-actions';
import { RecordLink, RecordTags } from '../shared/record-link';
import { meetingName } from '../shared/record-path';
import { MeetingFollowUpsQuery, MeetingPageQuery } from './meeting.queries';

export function MeetingPage({ number }: { number: number }) {
  const [result] = useQuery({ query: MeetingPageQuery, variables: { number } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading />;
  const meeting = result.data.meeting;
  if (!meeting) return <NotFound what={`meeting number ${number}`} />;
  const heading = meetingName(meeting.number, meeting.title);
  return (
    <article className="record meeting">
      <p className="record-type">Meeting</p>
      <PageTitle title={heading}>{heading}</PageTitle>
      <Facts
        facts={[
          ['Dates', <time dateTime={meeting.startsOn}>{meeting.dateRange}</time>],
          ['Place', meeting.location.text],
          ['Convened by', <RecordLink record={meeting.convener} />],
        ]}
      />
      {meeting.description ? <p className="summary">{meeting.description}</p> : null}
      {meeting.editorialNote ? <p className="editorial-note">Editors’ note: {meeting.editorialNote}</p> : null}
      <RecordTags label="Themes" records={meeting.themes} />
      <RecordTags label="Districts" records={meeting.districts} />
      <RecordActions id={meeting.id} graph={false} />
      <section aria-labelledby="materials-heading">
        <h2 id="materials-heading">
          Materials <span className="count">({meeting.materials.length})</span>
        </h2>
        {meeting.materials.length === 0 ? (
          <p className="empty">No materials are recorded.</p>
        ) : (
          <table className="materials">
            <caption className="visually-hidden">Materials of {heading}</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Kind</th>
                <th scope="col">Format</th>
                <th scope="col">Contents</th>
              </tr>
            </thead>
            <tbody>
              {meeting.materials.map((material) => (
                <tr key={material.id}>
                  <td>{material.url ? <a href={material.url}>{material.title}</a> : material.title}</td>
                  <td>{enumLabel(material.kind)}</td>
                  <td>{material.sizeText ?? material.fileFormat ?? '—'}</td>
                  <td>{material.contents.length > 0 ? material.contents.join('; ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">Agenda</h2>
        {meeting.agendaTopics.length === 0 ? (
          <p className="empty">No agenda is recorded.</p>
        ) : (
          <ol>
            {meeting.agendaTopics.map((topic) => (
              <li key={topic.id}>{topic.title}</li>
            ))}
          </ol>
        )}
      </section>
      <PagedList
        heading="Follow-up briefs"
        query={MeetingFollowUpsQuery}
        variables={{ number }}
        select={(data) => data.meeting?.followUpBriefs}
        itemKey={(brief) => brief.id}
        empty="No brief follows up this meeting."
        renderItem={(brief) => (
          <div>
            <RecordLink record={brief} /> <span className="meta">{brief.publicationDate?.text}</span>
            {brief.lessons.nodes.length > 0 ? (
              <ol className="nested-lessons" aria-label={`Lessons of ${brief.title}`}>
                {brief.lessons.nodes.map((lesson) => (
                  <li key={lesson.id}>
                    <RecordLink record={lesson} />
                  </li>
                ))}
              </ol>
            ) : null}
            {brief.lessons.totalCount > brief.lessons.nodes.length ? (
              <p className="meta">
                <RecordLink record={brief}>All {brief.lessons.totalCount} lessons</RecordLink>
              </p>
            ) : null}
          </div>
        )}
      />
      <Provenance source={meeting.source} />
    </article>
  );
}
