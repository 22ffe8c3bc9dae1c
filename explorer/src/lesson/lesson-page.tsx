/** A lesson: its statement, the brief it comes from, its typed links with rationale, related lessons and provenance. */
import { useQuery } from 'urql';
import { Facts } from '../shared/facts';
import { PageTitle } from '../shared/page-title';
import { Provenance } from '../shared/provenance';
import { Loading, NotFound, RequestError } from '../shared/query-state';
import { RecordActions } from '../shared/record-actions';
import { RecordLink, RecordTags } from '../shared/record-link';
import { RelatedList } from '../shared/related-list';
import { basisLabels } from '../shared/evidence';
import { LessonLinkItem } from './lesson-link-item';
import { LessonPageQuery, RelatedLessonsQuery } from './lesson.queries';

function RelatedLessons({ id }: { id: string }) {
  const [result] = useQuery({ query: RelatedLessonsQuery, variables: { id } });
  const node = result.data?.node;
  return <RelatedList heading="Related lessons" edges={node?.__typename === 'Lesson' ? node.relatedLessons.edges : undefined} error={result.error} />;
}

export function LessonPage({ id }: { id: string }) {
  const [result] = useQuery({ query: LessonPageQuery, variables: { id } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading />;
  const lesson = result.data.node;
  if (!lesson || lesson.__typename !== 'Lesson') return <NotFound what="lesson with this ID" />;
  return (
    <article className="record lesson">
      <p className="record-type">
        Lesson {lesson.position} of {lesson.brief.lessons.totalCount} recorded
        {lesson.brief.declaredLessonCount ? ` (the report declares ${lesson.brief.declaredLessonCount})` : ''}
      </p>
      <PageTitle title={lesson.statement}>{lesson.statement}</PageTitle>
      <Facts
        facts={[
          ['From', <RecordLink record={lesson.brief} />],
          ['Published', lesson.brief.publicationDate?.text ?? 'Date unknown'],
          ['Basis', basisLabels[lesson.basis] ?? lesson.basis],
          ['Where in the source', [lesson.locator, lesson.source ? `in ${lesson.source.title}` : null].filter(Boolean).join(', ')],
          ["Report's number", lesson.reportLessonNumber ? `Lesson ${lesson.reportLessonNumber}` : null],
          ['Explanation', lesson.explanation],
        ]}
      />
      <RecordTags label="Themes" records={lesson.themes} />
      <RecordTags label="Districts" records={lesson.districts} />
      <RecordActions id={lesson.id} />
      <section aria-labelledby="links-heading">
        <h2 id="links-heading">
          Links to other reports <span className="count">({lesson.links.totalCount})</span>
        </h2>
        {lesson.links.nodes.length === 0 ? (
          <p className="empty">The editors have not linked this lesson to others.</p>
        ) : (
          <ul className="lesson-links">
            {lesson.links.nodes.map((link) => (
              <li key={link.id}>
                <LessonLinkItem link={link} lessonId={lesson.id} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <RelatedLessons id={lesson.id} />
      <Provenance source={lesson.source} />
    </article>
  );
}
