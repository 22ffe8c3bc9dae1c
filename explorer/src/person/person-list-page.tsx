/** Everyone credited in a brief's byline, by family name, page by page, with their affiliations. */
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { RecordLink } from '../shared/record-link';
import { affiliationText } from './affiliations';
import { PersonListQuery } from './person.queries';

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
