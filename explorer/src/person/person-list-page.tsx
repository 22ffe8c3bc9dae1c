/** Everyone credited in a brief's byline, by family name, page by page, with their affiliations. */
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { RecordLink } from '../shared/record-link';
import { yearSpan } from './person-page';
import { PersonListQuery } from './person.queries';

interface AffiliationItem {
  id: string;
  startYear?: number | null;
  endYear?: number | null;
  organization: { id: string; name: string };
}

/** "Policy Analysis for California Education (2019)" for each affiliation, or only those with one organization. */
export function affiliationText(affiliations: readonly AffiliationItem[], organizationId?: string): string {
  return affiliations
    .filter((affiliation) => !organizationId || affiliation.organization.id === organizationId)
    .map((affiliation) => {
      const years = yearSpan(affiliation.startYear, affiliation.endYear);
      return organizationId ? years : `${affiliation.organization.name}${years ? ` (${years})` : ''}`;
    })
    .filter(Boolean)
    .join('; ');
}

export function PersonListPage() {
  return (
    <>
      <PageTitle title="People">People</PageTitle>
      <p className="lead">The authors, editors and other contributors named in briefs’ bylines.</p>
      <PagedList
        heading="Everyone, by family name"
        query={PersonListQuery}
        variables={{}}
        select={(data) => data.people}
        itemKey={(person) => person.id}
        renderItem={(person) => (
          <div>
            <RecordLink record={person} />
            {person.affiliations.length > 0 ? <div className="meta">{affiliationText(person.affiliations)}</div> : null}
          </div>
        )}
      />
    </>
  );
}
