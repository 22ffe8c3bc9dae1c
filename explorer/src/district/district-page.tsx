/** A district: state, kind, networks, the briefs, lessons and meetings about it, provenance. */
import { useQuery } from 'urql';
import { Facts } from '../shared/facts';
import { enumLabel } from '../shared/kinds';
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { Provenance } from '../shared/provenance';
import { Loading, NotFound, RequestError } from '../shared/query-state';
import { RecordActions } from '../shared/record-actions';
import { RecordLink, RecordTags } from '../shared/record-link';
import { DistrictBriefsQuery, DistrictLessonsQuery, DistrictPageQuery } from './district.queries';

export function DistrictPage({ slug }: { slug: string }) {
  const [result] = useQuery({ query: DistrictPageQuery, variables: { slug } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading />;
  const district = result.data.district;
  if (!district) return <NotFound what={`district “${slug}”`} />;
  return (
    <article className="record district">
      <p className="record-type">District</p>
      <PageTitle title={district.name}>{district.name}</PageTitle>
      <Facts
        facts={[
          ['State', district.state],
          ['Kind', enumLabel(district.kind)],
        ]}
      />
      <RecordTags label="Networks" records={district.networks} />
      <RecordTags label="Meetings" records={district.meetings.nodes} />
      <RecordActions id={district.id} graph={false} />
      <PagedList
        heading="Briefs about this district (directly or through its networks)"
        query={DistrictBriefsQuery}
        variables={{ slug }}
        select={(data) => data.district?.briefs}
        itemKey={(brief) => brief.id}
        renderItem={(brief) => (
          <>
            <RecordLink record={brief} /> <span className="meta">{brief.publicationDate?.text}</span>
          </>
        )}
      />
      <PagedList
        heading="Lessons about this district"
        query={DistrictLessonsQuery}
        variables={{ slug }}
        select={(data) => data.district?.lessons}
        itemKey={(lesson) => lesson.id}
        renderItem={(lesson) => <RecordLink record={lesson} />}
      />
      <Provenance source={district.source} />
    </article>
  );
}
