/** How district networks are read, and the root fields `districtNetwork(slug:)` and `districtNetworks`. */
import { briefListing, briefsStudyingNetwork } from '../brief/brief.service';
import { districtListing } from '../district/district.service';
import { organizationReads } from '../organization/organization.reads';
import { connection, defineReads, expression, ownedBy, toOne } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { throughJoinTable } from '../shared/pagination/listing';
import { sourcedFields } from '../source-document/source-document.reads';
import { DistrictNetwork } from './district-network.entity';
import { membershipReads } from './district-network-membership.reads';
import { districtNetworkListing } from './district-network.service';

export const networkReads = defineReads({
  typeName: 'DistrictNetwork',
  entity: DistrictNetwork,
  table: 'district_network',
  fields: {
    ...sourcedFields,
    networkKind: expression((row) => `${row}.kind`),
    coordinator: toOne(() => organizationReads, 'coordinator_id'),
    memberships: ownedBy(
      () => membershipReads,
      'network_id',
      (alias) => `(SELECT member_d.name FROM district member_d WHERE member_d.id = ${alias}.district_id), ${alias}.district_id`,
    ),
    members: connection(() => districtListing, throughJoinTable('district', 'd', 'district_network_member', 'network_id', 'district_id')),
    // Briefs that study the network, directly or through its member districts.
    briefs: connection(() => briefListing, briefsStudyingNetwork),
  },
});

defineRootReads({
  districtNetworks: rootConnection(() => districtNetworkListing),
  districtNetwork: rootLookup(
    () => networkReads,
    (args, sql, alias) => `${alias}.slug = ${sql.param(args.slug, 'text')}`,
  ),
});
