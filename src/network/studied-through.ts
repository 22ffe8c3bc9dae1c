/**
 * What a brief studies without naming it: the member districts of a network it names, and the networks
 * of a district it names, counting only memberships current when the brief came out (membership-dates.ts).
 * The one SQL of both inferences, for the list filters, the nested lists and the facets; its aliases stay here.
 */
import { memberWhenPublished } from './membership-dates';

type Column = 'brief' | 'district' | 'network';

const columns: Record<Column, string> = { brief: 'x.brief_id', district: 'm.district_id', network: 'm.network_id' };

const joins = {
  // The brief names a network (brief_network): the network's members are studied.
  districtsThroughNetworks: 'brief_network x JOIN district_network_member m ON m.network_id = x.network_id',
  // The brief names a district (brief_district): the district's networks are studied.
  networksThroughDistricts: 'brief_district x JOIN district_network_member m ON m.district_id = x.district_id',
} as const;

export interface InferredStudy {
  /** The column to select (named `as`, else by its column name), or none for an EXISTS. */
  select: Column | null;
  as?: string;
  /** An outer brief row (its alias, such as `b`) that the rows must belong to; without it the brief is joined here. */
  ofBrief?: string;
  /** SQL conditions on columns, written after the column: `{ district: '= p.owner' }`. */
  where?: Partial<Record<Column, string>>;
}

function inferred(join: string, study: InferredStudy): string {
  const brief = study.ofBrief ?? 'studying_b';
  const conditions = [
    ...(study.ofBrief ? [`x.brief_id = ${study.ofBrief}.id`] : []),
    ...Object.entries(study.where ?? {}).map(([column, condition]) => `${columns[column as Column]} ${condition}`),
    memberWhenPublished('m', brief),
  ];
  const selected = study.select ? `${columns[study.select]}${study.as ? ` AS ${study.as}` : ''}` : '1';
  return `SELECT ${selected} FROM ${join}${study.ofBrief ? '' : ` JOIN brief ${brief} ON ${brief}.id = x.brief_id`} WHERE ${conditions.join(' AND ')}`;
}

/** Districts a brief studies through a network it names. */
export function districtsThroughNetworks(study: InferredStudy): string {
  return inferred(joins.districtsThroughNetworks, study);
}

/** Networks a brief studies through a district it names. */
export function networksThroughDistricts(study: InferredStudy): string {
  return inferred(joins.networksThroughDistricts, study);
}
