import type { RequestContext } from '../context';
import { recordsByKey, recordsByParent } from '../shared/record-loaders';
import { AgendaTopic } from './agenda-topic.entity';
import { Meeting } from './meeting.entity';
import { MeetingMaterial } from './meeting-material.entity';

export const meetingByKey = (context: RequestContext) => context.loaders.get('meeting.byKey', (manager) => recordsByKey(manager, Meeting));

export const agendaTopicsOfMeeting = (context: RequestContext) =>
  context.loaders.get('meeting.agendaTopics', (manager) => recordsByParent(manager, AgendaTopic, 'meetingKey', { position: 'ASC' }));

export const materialsOfMeeting = (context: RequestContext) =>
  context.loaders.get('meeting.materials', (manager) => recordsByParent(manager, MeetingMaterial, 'meetingKey', { position: 'ASC' }));

