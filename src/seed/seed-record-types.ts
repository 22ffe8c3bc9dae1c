/**
 * Every record type's seed declaration, by collection, in the order they are written
 * (a record's references are written before it) and exported.
 */
import { briefSeed } from '../brief/brief.seed';
import { districtSeed } from '../district/district.seed';
import { lessonLinkSeed } from '../lesson/lesson-link.seed';
import { meetingSeed } from '../meeting/meeting.seed';
import { districtNetworkSeed } from '../network/district-network.seed';
import { organizationSeed } from '../organization/organization.seed';
import { personSeed } from '../person/person.seed';
import { sourceDocumentSeed } from '../source-document/source-document.seed';
import { themeSeed } from '../theme/theme.seed';
import type { SeedRecordType } from './seed-record-type';
import { collectionNames, type CollectionName } from './seed-schema';

const recordTypes: { [C in CollectionName]: SeedRecordType<C> } = {
  sources: sourceDocumentSeed,
  organizations: organizationSeed,
  people: personSeed,
  themes: themeSeed,
  districts: districtSeed,
  networks: districtNetworkSeed,
  meetings: meetingSeed,
  briefs: briefSeed,
  lessonLinks: lessonLinkSeed,
};

/** The declarations in collection order (seed-schema.ts), which is also the order references allow. */
export const seedRecordTypes: Array<SeedRecordType<CollectionName>> = collectionNames.map((name) => recordTypes[name] as SeedRecordType<CollectionName>);
