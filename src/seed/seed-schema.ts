/**
 * The seed (and import) format, declared once: each collection's fields, their
 * types, which are required, and which refer to records of another collection.
 * The reader validates against these specs and the writer relies on them.
 */
import { BriefKind, BriefStatus } from '../brief/brief.entity';
import { DistrictKind } from '../district/district.entity';
import { LessonLinkKind } from '../lesson/lesson-link.entity';
import { MeetingMaterialKind } from '../meeting/meeting-material.entity';
import { DistrictNetworkKind } from '../network/district-network.entity';
import { OrganizationKind } from '../organization/organization.entity';
import { SourceDocumentKind } from '../source-document/source-document.entity';
import { maximumMeetingParts, maximumRelatedRecords } from '../shared/list-limits';

export type CollectionName =
  | 'sources'
  | 'organizations'
  | 'themes'
  | 'districts'
  | 'networks'
  | 'meetings'
  | 'briefs'
  | 'lessonLinks';

/** What a field holds. `ref` names the collection whose key it must match. */
export type FieldSpec =
  | { type: 'text'; required?: boolean; maxLength?: number }
  | { type: 'slug'; required?: boolean }
  | { type: 'url'; required?: boolean }
  | { type: 'state'; required?: boolean }
  | { type: 'date'; required?: boolean }
  | { type: 'partialDate'; required?: boolean }
  | { type: 'positiveInteger'; required?: boolean }
  | { type: 'positiveNumber'; required?: boolean }
  | { type: 'enum'; values: readonly string[]; required?: boolean }
  | { type: 'ref'; collection: CollectionName; required?: boolean }
  | { type: 'lessonRef'; required?: boolean }
  | { type: 'list'; of: FieldSpec; required?: boolean; maxItems?: number }
  | { type: 'object'; fields: Record<string, FieldSpec>; required?: boolean };

export interface CollectionSpec {
  /** The field that identifies a record (its human key). */
  key: 'slug' | 'number' | null;
  fields: Record<string, FieldSpec>;
}

const text = (maxLength = 10_000): FieldSpec => ({ type: 'text', maxLength });
const requiredText = (maxLength = 10_000): FieldSpec => ({ type: 'text', required: true, maxLength });
const refs = (collection: CollectionName, maxItems = maximumRelatedRecords): FieldSpec => ({ type: 'list', of: { type: 'ref', collection, required: true }, maxItems });
// Optional: records created through the API may have no source document.
const source: FieldSpec = { type: 'ref', collection: 'sources' };

export const collections: Record<CollectionName, CollectionSpec> = {
  sources: {
    key: 'slug',
    fields: {
      slug: { type: 'slug', required: true },
      title: requiredText(500),
      kind: { type: 'enum', values: Object.values(SourceDocumentKind), required: true },
      fileName: text(200),
      url: { type: 'url' },
      description: text(),
    },
  },
  organizations: {
    key: 'slug',
    fields: {
      slug: { type: 'slug', required: true },
      name: requiredText(300),
      shortName: text(100),
      kind: { type: 'enum', values: Object.values(OrganizationKind), required: true },
      websiteUrl: { type: 'url' },
      description: text(),
      housedBy: { type: 'ref', collection: 'organizations' },
      source,
    },
  },
  themes: {
    key: 'slug',
    fields: {
      slug: { type: 'slug', required: true },
      name: requiredText(200),
      description: text(),
      parent: { type: 'ref', collection: 'themes' },
      source,
    },
  },
  districts: {
    key: 'slug',
    fields: {
      slug: { type: 'slug', required: true },
      name: requiredText(300),
      state: { type: 'state', required: true },
      kind: { type: 'enum', values: Object.values(DistrictKind), required: true },
      source,
    },
  },
  networks: {
    key: 'slug',
    fields: {
      slug: { type: 'slug', required: true },
      name: requiredText(300),
      kind: { type: 'enum', values: Object.values(DistrictNetworkKind), required: true },
      description: text(),
      coordinator: { type: 'ref', collection: 'organizations' },
      members: refs('districts', 1000),
      source,
    },
  },
  meetings: {
    key: 'number',
    fields: {
      number: { type: 'positiveInteger', required: true },
      title: text(500),
      startsOn: { type: 'date', required: true },
      endsOn: { type: 'date', required: true },
      city: requiredText(200),
      state: { type: 'state', required: true },
      convener: { type: 'ref', collection: 'organizations', required: true },
      description: text(),
      editorialNote: text(),
      themes: refs('themes'),
      districts: refs('districts'),
      agenda: { type: 'list', of: requiredText(500), maxItems: maximumMeetingParts },
      materials: {
        type: 'list',
        maxItems: maximumMeetingParts,
        of: {
          type: 'object',
          required: true,
          fields: {
            kind: { type: 'enum', values: Object.values(MeetingMaterialKind), required: true },
            title: requiredText(500),
            fileFormat: text(20),
            sizeInKilobytes: { type: 'positiveNumber' },
            url: { type: 'url' },
          },
        },
      },
      source,
    },
  },
  briefs: {
    key: 'slug',
    fields: {
      slug: { type: 'slug', required: true },
      title: requiredText(500),
      kind: { type: 'enum', values: Object.values(BriefKind), required: true },
      // Omitted means PUBLISHED; drafts are seen only by requests with an API key.
      status: { type: 'enum', values: Object.values(BriefStatus) },
      published: { type: 'partialDate' },
      summary: requiredText(),
      url: { type: 'url' },
      authors: { type: 'list', of: requiredText(200), maxItems: 100 },
      editorialNote: text(),
      publisher: { type: 'ref', collection: 'organizations', required: true },
      followsUpMeeting: { type: 'ref', collection: 'meetings' },
      themes: refs('themes'),
      districts: refs('districts'),
      networks: refs('networks'),
      buildsOn: refs('briefs', 1000),
      lessons: {
        type: 'list',
        maxItems: 500,
        of: {
          type: 'object',
          required: true,
          fields: {
            statement: requiredText(1000),
            explanation: text(),
            themes: refs('themes'),
            districts: refs('districts'),
          },
        },
      },
      source,
    },
  },
  lessonLinks: {
    key: null,
    fields: {
      from: { type: 'lessonRef', required: true },
      to: { type: 'lessonRef', required: true },
      kind: { type: 'enum', values: Object.values(LessonLinkKind), required: true },
      rationale: requiredText(2000),
      source,
    },
  },
};

export const collectionNames = Object.keys(collections) as CollectionName[];

// Typed views of validated records, as the writer consumes them.
export interface SourceRecord { slug: string; title: string; kind: SourceDocumentKind; fileName?: string; url?: string; description?: string }
export interface OrganizationRecord { slug: string; name: string; shortName?: string; kind: OrganizationKind; websiteUrl?: string; description?: string; housedBy?: string; source?: string }
export interface ThemeRecord { slug: string; name: string; description?: string; parent?: string; source?: string }
export interface DistrictRecord { slug: string; name: string; state: string; kind: DistrictKind; source?: string }
export interface NetworkRecord { slug: string; name: string; kind: DistrictNetworkKind; description?: string; coordinator?: string; members?: string[]; source?: string }
export interface MaterialRecord { kind: MeetingMaterialKind; title: string; fileFormat?: string; sizeInKilobytes?: number; url?: string }
export interface MeetingRecord {
  number: number; title?: string; startsOn: string; endsOn: string; city: string; state: string; convener: string;
  description?: string; editorialNote?: string; themes?: string[]; districts?: string[]; agenda?: string[]; materials?: MaterialRecord[]; source?: string;
}
export interface LessonRecord { statement: string; explanation?: string; themes?: string[]; districts?: string[] }
export interface BriefRecord {
  slug: string; title: string; kind: BriefKind; status?: BriefStatus; published?: string; summary: string; url?: string; authors?: string[]; editorialNote?: string;
  publisher: string; followsUpMeeting?: number; themes?: string[]; districts?: string[]; networks?: string[]; buildsOn?: string[];
  lessons?: LessonRecord[]; source?: string;
}
export interface LessonLinkRecord { from: string; to: string; kind: LessonLinkKind; rationale: string; source?: string }

export interface Dataset {
  sources: SourceRecord[];
  organizations: OrganizationRecord[];
  themes: ThemeRecord[];
  districts: DistrictRecord[];
  networks: NetworkRecord[];
  meetings: MeetingRecord[];
  briefs: BriefRecord[];
  lessonLinks: LessonLinkRecord[];
}

/** Database keys of records a dataset refers to but does not hold, by collection and human key ("lessons" by "brief-slug#position"). */
export type ExternalKeys = Partial<Record<CollectionName | 'lessons', Map<string | number, number>>>;
