/** A person credited in briefs' bylines: name, affiliations, ORCID iD and other identifiers, their briefs, provenance. */
import { useQuery } from 'urql';
import { contributorRoleLabels } from '../publication/contributor-list';
import { identifierFacts } from '../publication/identifier-list';
import { Facts } from '../shared/facts';
import { briefKindLabels, enumLabel } from '../shared/kinds';
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { Provenance } from '../shared/provenance';
import { Loading, NotFound, RequestError } from '../shared/query-state';
import { RecordLink } from '../shared/record-link';
import { yearSpan } from './affiliations';
import { PersonBriefsQuery, PersonPageQuery } from './person.queries';

export function PersonPage({ slug }: { slug: string }) {
  const [result] = useQuery({ query: PersonPageQuery, variables: { slug } });
  if (result.error) return <RequestError error={result.error} />;
  if (!result.data) return <Loading />;
  const person = result.data.person;
  if (!person) return <NotFound what={`person “${slug}”`} />;
  return (
    <article className="record person">
      <p className="record-type">Person</p>
      <PageTitle title={person.name}>{person.name}</PageTitle>
      <Facts
        facts={[
          ['Sorted as', person.sortName],
          [
            person.affiliations.length === 1 ? 'Affiliation' : 'Affiliations',
            person.affiliations.length > 0 && (
              <ul className="plain-list">
                {person.affiliations.map((affiliation) => {
                  const years = yearSpan(affiliation.startYear, affiliation.endYear);
                  return (
                    <li key={affiliation.id}>
                      {affiliation.organization && <RecordLink record={affiliation.organization} />}
                      {years ? <span className="meta"> ({years})</span> : null}
                    </li>
                  );
                })}
              </ul>
            ),
          ],
          ...identifierFacts(person.identifiers),
          ['ORCID iD', !person.orcid && 'None recorded'],
        ]}
      />
      <PagedList
        heading="Briefs"
        query={PersonBriefsQuery}
        variables={{ slug }}
        select={(data) => data.person?.briefs}
        itemKey={(brief) => brief.id}
        empty="No briefs credit this person."
        renderItem={(brief) => {
          const roles = brief.contributors
            .filter((contributor) => contributor.person?.id === person.id)
            .map((contributor) => enumLabel(contributor.role, contributorRoleLabels));
          return (
            <>
              <RecordLink record={brief} />{' '}
              <span className="meta">
                {[enumLabel(brief.kind, briefKindLabels), brief.publisher.name, brief.publicationDate?.text ?? 'Undated', ...roles].join(' · ')}
              </span>
            </>
          );
        }}
      />
      <Provenance source={person.source} />
    </article>
  );
}
