/** An organization: what it is, where it is housed, what it publishes, convenes and coordinates, the people affiliated with it, provenance. */
import { useQuery } from 'urql';
import { affiliationText } from '../person/affiliations';
import { PersonListQuery } from '../person/person.queries';
import { Facts } from '../shared/facts';
import { enumLabel } from '../shared/kinds';
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { Provenance } from '../shared/provenance';
import { Loading, NotFound, RequestError } from '../shared/query-state';
import { RecordActions } from '../shared/record-actions';
import { RecordLink, RecordTags } from '../shared/record-link';
import { OrganizationBriefsQuery, OrganizationPageQuery } from './organization.queries';

export function OrganizationPage({ slug }: { slug: string }) {
  const [result] = useQuery({ query: OrganizationPageQuery, variables: { slug } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading />;
  const organization = result.data.organization;
  if (!organization) return <NotFound what={`organization “${slug}”`} />;
  return (
    <article className="record organization">
      <p className="record-type">Organization</p>
      <PageTitle title={organization.name}>{organization.name}</PageTitle>
      {organization.description ? <p className="summary">{organization.description}</p> : null}
      <Facts
        facts={[
          ['Short name', organization.shortName],
          ['Kind', enumLabel(organization.kind)],
          ['Housed by', organization.housedBy && <RecordLink record={organization.housedBy} />],
          ['Website', organization.websiteUrl && <a href={organization.websiteUrl}>{organization.websiteUrl}</a>],
        ]}
      />
      <RecordTags label="Houses" records={organization.houses} />
      <RecordTags label="Coordinates" records={organization.coordinatedNetworks} />
      <RecordTags label={`Convened meetings (${organization.convenedMeetings.totalCount})`} records={organization.convenedMeetings.nodes} />
      <RecordActions id={organization.id} graph={false} />
      <PagedList
        heading="Published briefs"
        query={OrganizationBriefsQuery}
        variables={{ slug }}
        select={(data) => data.organization?.publishedBriefs}
        itemKey={(brief) => brief.id}
        renderItem={(brief) => (
          <>
            <RecordLink record={brief} /> <span className="meta">{brief.publicationDate?.text}</span>
          </>
        )}
      />
      <PagedList
        heading="People affiliated"
        query={PersonListQuery}
        variables={{ organizations: [organization.id] }}
        select={(data) => data.people}
        itemKey={(person) => person.id}
        empty="No one credited in a byline is recorded as affiliated."
        renderItem={(person) => {
          const years = affiliationText(person.affiliations, organization.id);
          return (
            <>
              <RecordLink record={person} />
              {years ? <span className="meta"> ({years})</span> : null}
            </>
          );
        }}
      />
      <Provenance source={organization.source} />
    </article>
  );
}
