/** A district network: kind, coordinator, members, the briefs about it, provenance. */
import { useQuery } from 'urql';
import { Facts } from '../shared/facts';
import { enumLabel } from '../shared/kinds';
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { Provenance } from '../shared/provenance';
import { Loading, NotFound, RequestError } from '../shared/query-state';
import { RecordActions } from '../shared/record-actions';
import { RecordLink } from '../shared/record-link';
import { NetworkBriefsQuery, NetworkMembersQuery, NetworkPageQuery } from './network.queries';

export function NetworkPage({ slug }: { slug: string }) {
  const [result] = useQuery({ query: NetworkPageQuery, variables: { slug } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading />;
  const network = result.data.districtNetwork;
  if (!network) return <NotFound what={`network “${slug}”`} />;
  return (
    <article className="record network">
      <p className="record-type">District network</p>
      <PageTitle title={network.name}>{network.name}</PageTitle>
      {network.description ? <p className="summary">{network.description}</p> : null}
      <Facts
        facts={[
          ['Kind', enumLabel(network.kind)],
          ['Coordinated by', network.coordinator && <RecordLink record={network.coordinator} />],
        ]}
      />
      <RecordActions id={network.id} graph={false} />
      <PagedList
        heading="Member districts"
        query={NetworkMembersQuery}
        variables={{ slug }}
        select={(data) => data.districtNetwork?.members}
        itemKey={(district) => district.id}
        renderItem={(district) => <RecordLink record={district} />}
      />
      <PagedList
        heading="Briefs about this network"
        query={NetworkBriefsQuery}
        variables={{ slug }}
        select={(data) => data.districtNetwork?.briefs}
        itemKey={(brief) => brief.id}
        renderItem={(brief) => (
          <>
            <RecordLink record={brief} /> <span className="meta">{brief.publicationDate?.text}</span>
          </>
        )}
      />
      <Provenance source={network.source} />
    </article>
  );
}
