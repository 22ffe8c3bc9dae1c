/**
 * The seed (and import) format, declared once: each collection's fields, their
 * types, which are required, and which refer to records of another collection.
 * The reader validates against these specs and the writer relies on them.
 */
import { BriefFileKind } from '../brief/brief-file.entity';
import { ContributorRole } from '../brief/brief-contributor.entity';
import { BriefKind, BriefStatus } from '../brief/brief.entity';
import { DistrictKind } from '../district/district.entity';
import { EvidenceBasis } from '../evidence/evidence-basis';
import { LessonLinkKind } from '../lesson/lesson-link.entity';
import { MeetingMaterialKind } from '../meeting/meeting-material.entity';
import { type IdentifierScheme, workSchemes } from '../identifier/identifier-schemes';
import { DistrictNetworkKind } from '../network/district-network.entity';
import { OrganizationKind } from '../organization/organization.entity';
import { SourceDocumentKind } from '../source-document/source-document.entity';
import { maximumMeetingParts, maximumRelatedRecords } from '../shared/list-limits';

export type CollectionName = 'sources' | 'organizations' | 'people' | 'themes' | 'districts' | 'networks' | 'meetings' | 'briefs' | 'lessonLinks';

/** What a field holds. `ref` names the collection whose key it must match. */
export type FieldSpec =
  | { type: 'text'; required?: boolean; maxLength?: number }
  | { type: 'slug'; required?: boolean }
  | { type: 'url'; required?: boolean }
  | { type: 'orcid'; required?: boolean }
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
const refs = (collection: CollectionName, maxItems = maximumRelatedRecords): FieldSpec => ({
  type: 'list',
  of: { type: 'ref', collection, required: true },
  maxItems,
});
// Optional: records created through the API may have no source document.
const source: FieldSpec = { type: 'ref', collection: 'sources' };
// Omitted means EDITORIAL_INFERENCE: nothing on record says the source states it.
const basis: FieldSpec = { type: 'enum', values: Object.values(EvidenceBasis) };

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
  people: {
    key: 'slug',
    fields: {
      slug: { type: 'slug', required: true },
      name: requiredText(300),
      sortName: requiredText(300),
      orcid: { type: 'orcid' },
      affiliations: {
        type: 'list',
        maxItems: 100,
        of: {
          type: 'object',
          required: true,
          fields: {
            organization: { type: 'ref', collection: 'organizations', required: true },
            startYear: { type: 'positiveInteger' },
            endYear: { type: 'positiveInteger' },
          },
        },
      },
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
      aliases: { type: 'list', of: requiredText(200), maxItems: 50 },
      description: text(),
      coordinator: { type: 'ref', collection: 'organizations' },
      // Members no source dates: the network's own source names them.
      members: refs('districts', 1000),
      // Dated or separately sourced memberships; a district is in `members` or here, not both.
      memberships: {
        type: 'list',
        maxItems: 1000,
        of: {
          type: 'object',
          required: true,
          fields: {
            district: { type: 'ref', collection: 'districts', required: true },
            joined: { type: 'partialDate' },
            left: { type: 'partialDate' },
            source,
          },
        },
      },
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
            contents: { type: 'list', of: requiredText(500), maxItems: 200 },
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
      alternateTitles: { type: 'list', of: requiredText(500), maxItems: 20 },
      kind: { type: 'enum', values: Object.values(BriefKind), required: true },
      // Omitted means PUBLISHED; drafts are seen only by requests with an API key.
      status: { type: 'enum', values: Object.values(BriefStatus) },
      published: { type: 'partialDate' },
      summary: requiredText(),
      url: { type: 'url' },
      authors: { type: 'list', of: requiredText(200), maxItems: 100 },
      // The byline as records, in order: each names a person or an organization (exactly one).
      contributors: {
        type: 'list',
        maxItems: 100,
        of: {
          type: 'object',
          required: true,
          fields: {
            person: { type: 'ref', collection: 'people' },
            organization: { type: 'ref', collection: 'organizations' },
            role: { type: 'enum', values: Object.values(ContributorRole), required: true },
          },
        },
      },
      files: {
        type: 'list',
        maxItems: 100,
        of: {
          type: 'object',
          required: true,
          fields: {
            kind: { type: 'enum', values: Object.values(BriefFileKind), required: true },
            title: requiredText(500),
            url: { type: 'url', required: true },
            mediaType: text(100),
            sizeInKilobytes: { type: 'positiveNumber' },
            language: text(35),
            source,
          },
        },
      },
      identifiers: {
        type: 'list',
        maxItems: 20,
        of: {
          type: 'object',
          required: true,
          fields: {
            scheme: { type: 'enum', values: workSchemes, required: true },
            value: requiredText(2000),
            source,
          },
        },
      },
      editorialNote: text(),
      publisher: { type: 'ref', collection: 'organizations', required: true },
      followsUpMeeting: { type: 'ref', collection: 'meetings' },
      themes: refs('themes'),
      districts: refs('districts'),
      networks: refs('networks'),
      buildsOn: refs('briefs', 1000),
      declaredLessonCount: { type: 'positiveInteger' },
      lessons: {
        type: 'list',
        maxItems: 500,
        of: {
          type: 'object',
          required: true,
          fields: {
            statement: requiredText(1000),
            basis,
            // Omitted means the brief's source.
            source,
            locator: text(500),
            reportLessonNumber: { type: 'positiveInteger' },
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
      basis,
      rationale: requiredText(2000),
      explanation: text(),
      source,
    },
  },
};

export const collectionNames = Object.keys(collections) as CollectionName[];

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
