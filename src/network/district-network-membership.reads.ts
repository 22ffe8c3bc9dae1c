/**
 * How a district's membership of a network is read: a row of district_network_member, read whole under its district
 * (`District.networkMemberships`) or its network (`DistrictNetwork.memberships`). Its district and network are found
 * by type name, since both of their reads declare memberships through this file.
 */
import { PublicationDate } from '../brief/publication-date';
import { declaredReads } from '../read/declared-reads';
import { computed, defineReads, toOne } from '../read/record-reads';
import type { RecordReads } from '../read/record-reads';
import { sourceDocumentReads } from '../source-document/source-document.reads';
import { DistrictNetworkMembership } from './district-network-membership.entity';

/** A partial date stored as its first day and a precision, or null when no source dates it. */
const partialDate = (date: string, precision: string) =>
  computed([date, precision], (row) => (row[date] && row[precision] ? new PublicationDate(row[date], row[precision]) : null));

export const membershipReads: RecordReads = defineReads({
  typeName: 'DistrictNetworkMembership',
  entity: DistrictNetworkMembership,
  table: 'district_network_member',
  fields: {
    district: toOne(declaredReads('District'), 'district_id'),
    network: toOne(declaredReads('DistrictNetwork'), 'network_id'),
    joinedOn: partialDate('joined_on', 'joined_on_precision'),
    leftOn: partialDate('left_on', 'left_on_precision'),
    source: toOne(() => sourceDocumentReads, 'source_id'),
  },
});
