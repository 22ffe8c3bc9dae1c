/** Every TypeORM entity, in one list for the data source and the migration generator. */
import { ApiKey } from '../auth/api-key.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { BriefContributor } from '../brief/brief-contributor.entity';
import { BriefFile } from '../brief/brief-file.entity';
import { Brief } from '../brief/brief.entity';
import { District } from '../district/district.entity';
import { Lesson } from '../lesson/lesson.entity';
import { LessonLink } from '../lesson/lesson-link.entity';
import { AgendaTopic } from '../meeting/agenda-topic.entity';
import { Meeting } from '../meeting/meeting.entity';
import { BriefIdentifier } from '../identifier/brief-identifier.entity';
import { IdempotencyRecord } from '../mutation/idempotency-record.entity';
import { MeetingMaterial } from '../meeting/meeting-material.entity';
import { DistrictNetwork } from '../network/district-network.entity';
import { DistrictNetworkMembership } from '../network/district-network-membership.entity';
import { Organization } from '../organization/organization.entity';
import { PersonAffiliation } from '../person/person-affiliation.entity';
import { Person } from '../person/person.entity';
import { SourceDocument } from '../source-document/source-document.entity';
import { Theme } from '../theme/theme.entity';
import { Webhook } from '../webhook/webhook.entity';
import { WebhookDelivery } from '../webhook/webhook-delivery.entity';

export const entities = [
  SourceDocument,
  Organization,
  Theme,
  District,
  DistrictNetwork,
  DistrictNetworkMembership,
  Meeting,
  MeetingMaterial,
  AgendaTopic,
  Person,
  PersonAffiliation,
  Brief,
  BriefContributor,
  BriefFile,
  BriefIdentifier,
  Lesson,
  LessonLink,
  ApiKey,
  AuditEntry,
  IdempotencyRecord,
  Webhook,
  WebhookDelivery,
];
