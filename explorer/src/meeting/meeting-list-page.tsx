/** Every meeting, newest first, page by page. */
import { PagedList } from '../shared/paged-list';
import { PageTitle } from '../shared/page-title';
import { RecordLink } from '../shared/record-link';
import { MeetingListQuery } from './meeting.queries';

export function MeetingListPage() {
  return (
    <>
      <PageTitle title="Meetings">Meetings</PageTitle>
      <PagedList
        heading="All meetings, newest first"
        query={MeetingListQuery}
        variables={{ orderBy: 'NUMBER_DESC' as const }}
        select={(data) => data.meetings}
        itemKey={(meeting) => meeting.id}
        renderItem={(meeting) => (
          <div>
            <RecordLink record={meeting} />
            <div className="meta">
              {meeting.dateRange} · {meeting.location.text} · {meeting.convener.shortName ?? meeting.convener.name} · {meeting.materials.length} materials
            </div>
          </div>
        )}
      />
    </>
  );
}
