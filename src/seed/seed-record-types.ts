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
import type { CollectionName } from './seed-schema';

/** The declarations in the order records are written and exported: a record's references come before it. */
export const seedRecordTypes: Array<SeedRecordType<CollectionName>> = [
  sourceDocumentSeed,
  organizationSeed,
  personSeed,
  themeSeed,
  districtSeed,
  districtNetworkSeed,
  meetingSeed,
  briefSeed,
  lessonLinkSeed,
] as Array<SeedRecordType<CollectionName>>;
