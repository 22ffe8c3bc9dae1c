/** How meetings, their materials and agenda topics are read, and the root fields `meeting(number:)` and `meetings`. */
import { briefListing, briefsFollowingUpMeeting } from '../brief/brief.service';
import { districtReads } from '../district/district.reads';
import { lessonListing, lessonsFollowingUpMeeting } from '../lesson/lesson.service';
import { organizationReads } from '../organization/organization.reads';
import { meetingEventSql, meetingJsonLd } from '../publication/json-ld';
import { byName, computed, computedFrom, connection, defineReads, expression, ownedBy, throughJoin, toOne } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { formatDateRange } from '../shared/calendar';
import { sourcedFields } from '../source-document/source-document.reads';
import { themeReads } from '../theme/theme.reads';
import { AgendaTopic } from './agenda-topic.entity';
import { Location } from './location';
import { MeetingMaterial } from './meeting-material.entity';
import { Meeting } from './meeting.entity';
import { meetingListing } from './meeting.service';
import { maximumMeetingParts } from '../shared/list-limits';

const byPosition = (alias: string) => `${alias}.position`;

export const meetingReads = defineReads({
  typeName: 'Meeting',
  entity: Meeting,
  table: 'meeting',
  fields: {
    ...sourcedFields,
    // Meetings the sources give no title are called by their number, so `title` is never null (as on every other record).
    title: expression((row) => `coalesce(${row}.title, 'Meeting ' || ${row}.number)`),
    dateRange: computed(['starts_on', 'ends_on'], (row) => formatDateRange(row.starts_on, row.ends_on)),
    location: computed(['city', 'state'], (row) => new Location(row.city, row.state)),
    convener: toOne(() => organizationReads, 'convener_id'),
    agendaTopics: ownedBy(() => agendaTopicReads, 'meeting_id', byPosition, maximumMeetingParts),
    materials: ownedBy(() => meetingMaterialReads, 'meeting_id', byPosition, maximumMeetingParts),
    themes: throughJoin(() => themeReads, 'meeting_theme', 'meeting_id', 'theme_id', byName),
    districts: throughJoin(() => districtReads, 'meeting_district', 'meeting_id', 'district_id', byName),
    followUpBriefs: connection(() => briefListing, briefsFollowingUpMeeting),
    // Lessons drawn in the meeting's follow-up briefs: what came out of the meeting.
    followUpLessons: connection(() => lessonListing, lessonsFollowingUpMeeting),
    jsonLd: computedFrom(meetingEventSql, (meeting) => meetingJsonLd(meeting)),
  },
});

export const meetingMaterialReads = defineReads({
  typeName: 'MeetingMaterial',
  entity: MeetingMaterial,
  table: 'meeting_material',
  fields: {
    materialKind: expression((row) => `${row}.kind`),
    meeting: toOne(() => meetingReads, 'meeting_id'),
    sizeText: computed(['file_format', 'size_kilobytes'], (row) =>
      row.size_kilobytes === null ? null : `${row.file_format ? row.file_format + ' ' : ''}${Number(row.size_kilobytes)} KB`,
    ),
  },
});

export const agendaTopicReads = defineReads({
  typeName: 'AgendaTopic',
  entity: AgendaTopic,
  table: 'agenda_topic',
  fields: { meeting: toOne(() => meetingReads, 'meeting_id') },
});

defineRootReads({
  meetings: rootConnection(() => meetingListing),
  meeting: rootLookup(
    () => meetingReads,
    (args, sql, alias) => `${alias}.number = ${sql.param(args.number, 'int')}`,
  ),
});
