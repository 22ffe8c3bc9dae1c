/** A brief: its facts (byline, identifiers), summary, lessons with their links to other reports, related briefs, files, citations and provenance. */
import { useQuery } from 'urql';
import { LessonLinkItem } from '../lesson/lesson-link-item';
import { CitationSection } from '../publication/citation-section';
import { contributorFacts } from '../publication/contributor-list';
import { FileList } from '../publication/file-list';
import { identifierFacts } from '../publication/identifier-list';
import { Facts } from '../shared/facts';
import { briefKindLabels, enumLabel } from '../shared/kinds';
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { Provenance } from '../shared/provenance';
import { Loading, NotFound, RequestError } from '../shared/query-state';
import { RecordActions } from '../shared/record-actions';
import { RecordLink, RecordTags } from '../shared/record-link';
import { RelatedList } from '../shared/related-list';
import { BriefLessonsQuery, BriefPageQuery, RelatedBriefsQuery } from './brief.queries';

function RelatedBriefs({ slug }: { slug: string }) {
  const [result] = useQuery({ query: RelatedBriefsQuery, variables: { slug } });
  return <RelatedList heading="Related briefs" edges={result.data?.brief?.relatedBriefs.edges} error={result.error} />;
}

export function BriefPage({ slug }: { slug: string }) {
  const [result] = useQuery({ query: BriefPageQuery, variables: { slug } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading />;
  const brief = result.data.brief;
  if (!brief) return <NotFound what={`brief “${slug}”`} />;
  return (
    <article className="record brief">
      <p className="record-type">{enumLabel(brief.kind, briefKindLabels)}</p>
      <PageTitle title={brief.title}>{brief.title}</PageTitle>
      <Facts
        facts={[
          ['Published', brief.publicationDate?.text ?? 'Date unknown'],
          ...contributorFacts(brief.contributors),
          ['Publisher', <RecordLink record={brief.publisher} />],
          ['Follows up', brief.followsUpMeeting && <RecordLink record={brief.followsUpMeeting} />],
          ['Status', brief.status === 'DRAFT' && 'Draft (visible only with an API key)'],
          ['Web page', brief.url && <a href={brief.url}>{brief.url}</a>],
          ...identifierFacts(brief.identifiers),
        ]}
      />
      <p className="summary">{brief.summary}</p>
      {brief.editorialNote ? <p className="editorial-note">Editors’ note: {brief.editorialNote}</p> : null}
      <RecordTags label="Themes" records={brief.themes} />
      <RecordTags label="Districts studied" records={brief.districts} />
      <RecordTags label="Networks studied" records={brief.networks} />
      <RecordTags label="Builds on" records={brief.buildsOn.nodes} />
      <RecordTags label="Built on by" records={brief.builtOnBy.nodes} />
      <RecordActions id={brief.id} citeAnchor="cite" />
      <FileList files={brief.files} />
      <PagedList
        heading="Lessons"
        ordered
        query={BriefLessonsQuery}
        variables={{ slug }}
        select={(data) => data.brief?.lessons}
        itemKey={(lesson) => lesson.id}
        empty="No lessons are recorded for this brief."
        renderItem={(lesson) => (
          <div className="lesson-item">
            <p className="statement">
              <RecordLink record={{ __typename: 'Lesson', ...lesson }} />
            </p>
            {lesson.explanation ? <p className="explanation">{lesson.explanation}</p> : null}
            {lesson.links.nodes.length > 0 ? (
              <ul className="lesson-links" aria-label="Links to lessons of other briefs">
                {lesson.links.nodes.map((link) => (
                  <li key={link.id}>
                    <LessonLinkItem link={link} lessonId={lesson.id} />
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
      />
      <RelatedBriefs slug={slug} />
      <CitationSection slug={slug} anchor="cite" />
      <Provenance source={brief.source} />
    </article>
  );
}
