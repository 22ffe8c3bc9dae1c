/**
 * The seed (and import) format: the collections, each declared by its record type in its
 * feature folder (key, fields and their rules, `*.seed.ts`), and typed views of validated
 * records. The reader validates against these specs and the writer relies on them.
 */
import type { BriefFileKind } from '../brief/brief-file.entity';
import type { ContributorRole } from '../brief/brief-contributor.entity';
import type { BriefKind, BriefStatus } from '../brief/brief.entity';
import type { DistrictKind } from '../district/district.entity';
import type { EvidenceBasis } from '../evidence/evidence-basis';
import type { IdentifierScheme } from '../identifier/identifier-schemes';
import type { LessonLinkKind } from '../lesson/lesson-link.entity';
import type { MeetingMaterialKind } from '../meeting/meeting-material.entity';
import type { DistrictNetworkKind } from '../network/district-network.entity';
import type { OrganizationKind } from '../organization/organization.entity';
import type { SourceDocumentKind } from '../source-document/source-document.entity';
import type { FieldSpec } from './seed-fields';
import { seedRecordTypes } from './seed-record-types';

export type { FieldSpec } from './seed-fields';

export type CollectionName = 'sources' | 'organizations' | 'people' | 'themes' | 'districts' | 'networks' | 'meetings' | 'briefs' | 'lessonLinks';

export interface CollectionSpec {
  /** The field that identifies a record (its human key). */
  key: 'slug' | 'number' | null;
  fields: Record<string, FieldSpec>;
}

export const collections = Object.fromEntries(
  seedRecordTypes.map((recordType) => [recordType.collection, { key: recordType.key, fields: recordType.fields }]),
) as Record<CollectionName, CollectionSpec>;

/** The collections in the order records are written, exported and checked. */
export const collectionNames: CollectionName[] = seedRecordTypes.map((recordType) => recordType.collection);

// Typed views of validated records, as the writer consumes them.
export interface SourceRecord {
  slug: string;
  title: string;
  kind: SourceDocumentKind;
  fileName?: string;
  url?: string;
  description?: string;
}
export interface OrganizationRecord {
  slug: string;
  name: string;
  shortName?: string;
  kind: OrganizationKind;
  websiteUrl?: string;
  description?: string;
  housedBy?: string;
  source?: string;
}
export interface AffiliationRecord {
  organization: string;
  startYear?: number;
  endYear?: number;
}
export interface PersonRecord {
  slug: string;
  name: string;
  sortName: string;
  orcid?: string;
  affiliations?: AffiliationRecord[];
  source?: string;
}
export interface ContributorRecord {
  person?: string;
  organization?: string;
  role: ContributorRole;
}
export interface BriefFileRecord {
  kind: BriefFileKind;
  title: string;
  url: string;
  mediaType?: string;
  sizeInKilobytes?: number;
  language?: string;
  source?: string;
}
export interface IdentifierRecord {
  scheme: IdentifierScheme;
  value: string;
  source?: string;
}
export interface ThemeRecord {
  slug: string;
  name: string;
  description?: string;
  parent?: string;
  source?: string;
}
export interface DistrictRecord {
  slug: string;
  name: string;
  state: string;
  kind: DistrictKind;
  source?: string;
}
export interface MembershipRecord {
  district: string;
  joined?: string;
  left?: string;
  source?: string;
}
export interface NetworkRecord {
  slug: string;
  name: string;
  kind: DistrictNetworkKind;
  aliases?: string[];
  description?: string;
  coordinator?: string;
  members?: string[];
  memberships?: MembershipRecord[];
  source?: string;
}
export interface MaterialRecord {
  kind: MeetingMaterialKind;
  title: string;
  fileFormat?: string;
  sizeInKilobytes?: number;
  url?: string;
  contents?: string[];
}
export interface MeetingRecord {
  number: number;
  title?: string;
  startsOn: string;
  endsOn: string;
  city: string;
  state: string;
  convener: string;
  description?: string;
  editorialNote?: string;
  themes?: string[];
  districts?: string[];
  agenda?: string[];
  materials?: MaterialRecord[];
  source?: string;
}
export interface LessonRecord {
  statement: string;
  basis?: EvidenceBasis;
  source?: string;
  locator?: string;
  reportLessonNumber?: number;
  explanation?: string;
  themes?: string[];
  districts?: string[];
}
export interface BriefRecord {
  slug: string;
  title: string;
  alternateTitles?: string[];
  kind: BriefKind;
  status?: BriefStatus;
  published?: string;
  summary: string;
  url?: string;
  authors?: string[];
  contributors?: ContributorRecord[];
  files?: BriefFileRecord[];
  identifiers?: IdentifierRecord[];
  editorialNote?: string;
  publisher: string;
  followsUpMeeting?: number;
  themes?: string[];
  districts?: string[];
  networks?: string[];
  buildsOn?: string[];
  declaredLessonCount?: number;
  lessons?: LessonRecord[];
  source?: string;
}
export interface LessonLinkRecord {
  from: string;
  to: string;
  kind: LessonLinkKind;
  basis?: EvidenceBasis;
  rationale: string;
  explanation?: string;
  source?: string;
}

export interface Dataset {
  sources: SourceRecord[];
  organizations: OrganizationRecord[];
  people: PersonRecord[];
  themes: ThemeRecord[];
  districts: DistrictRecord[];
  networks: NetworkRecord[];
  meetings: MeetingRecord[];
  briefs: BriefRecord[];
  lessonLinks: LessonLinkRecord[];
}

/** Database keys of records a dataset refers to but does not hold, by collection and human key ("lessons" by "brief-slug#position"). */
export type ExternalKeys = Partial<Record<CollectionName | 'lessons', Map<string | number, number>>>;
