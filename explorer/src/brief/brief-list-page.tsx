/** Every brief, newest first, page by page. */
import { briefKindLabels, enumLabel } from '../shared/kinds';
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { RecordLink } from '../shared/record-link';
import { BriefListQuery } from './brief.queries';

export function BriefListPage() {
  return (
    <>
      <PageTitle title="Briefs">Briefs and reports</PageTitle>
      <PagedList
        heading="All briefs, newest first"
        query={BriefListQuery}
        variables={{ orderBy: 'PUBLISHED_AT_DESC' as const }}
        select={(data) => data.briefs}
        itemKey={(brief) => brief.id}
        renderItem={(brief) => (
          <div>
            <RecordLink record={brief} />
            <div className="meta">
              {enumLabel(brief.kind, briefKindLabels)} · {brief.publicationDate?.text ?? 'date unknown'} · {brief.publisher.shortName ?? brief.publisher.name}
            </div>
          </div>
        )}
      />
    </>
  );
}
