import type { RequestContext } from '../context';
import { recordsByKey, recordsByParent, relatedKeys } from '../shared/record-loaders';
import { AgendaTopic } from './agenda-topic.entity';
import { Meeting } from './meeting.entity';
import { MeetingMaterial } from './meeting-material.entity';

export const meetingByKey = (context: RequestContext) => context.loaders.get('meeting.byKey', (manager) => recordsByKey(manager, Meeting));

export const meetingsConvenedBy = (context: RequestContext) =>
  context.loaders.get('meeting.convenedBy', (manager) => recordsByParent(manager, Meeting, 'convenerKey', { number: 'ASC' }));

export const agendaTopicsOfMeeting = (context: RequestContext) =>
  context.loaders.get('meeting.agendaTopics', (manager) => recordsByParent(manager, AgendaTopic, 'meetingKey', { position: 'ASC' }));

export const materialsOfMeeting = (context: RequestContext) =>
  context.loaders.get('meeting.materials', (manager) => recordsByParent(manager, MeetingMaterial, 'meetingKey', { position: 'ASC' }));

const meetingKeysThrough = (joinTable: string, ownerColumn: string) =>
  `SELECT j.${ownerColumn} AS owner, j.meeting_id AS target FROM ${joinTable} j JOIN meeting m ON m.id = j.meeting_id
    WHERE j.${ownerColumn} = ANY($1) ORDER BY m.number`;

export const meetingKeysOfTheme = (context: RequestContext) =>
  context.loaders.get('meeting.keysOfTheme', (manager) => relatedKeys(manager, meetingKeysThrough('meeting_theme', 'theme_id')));

export const meetingKeysOfDistrict = (context: RequestContext) =>
  context.loaders.get('meeting.keysOfDistrict', (manager) => relatedKeys(manager, meetingKeysThrough('meeting_district', 'district_id')));
