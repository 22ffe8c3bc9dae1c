/** Lists of meetings: filters and orderings in SQL. */
import { checkDateRange } from '../shared/date-range';
import { anyOfIds, anyOfSlugs, anyOfValues } from '../shared/filters';
import type { Ordering } from '../shared/pagination/keyset';
import { defineListing, parentKey, type NestedSource } from '../shared/pagination/listing';
import type { Condition } from '../shared/pagination/sql-builder';
import { userInputError } from '../shared/user-input-error';
import { isStateCode, valueRuleDescriptions } from '../shared/value-rules';
import { updatedAtOrderings } from '../shared/updated-at';
import { themeMatchConditions } from '../theme/theme.inputs';
import { Meeting } from './meeting.entity';
import type { MeetingFilter, MeetingOrder } from './meeting.inputs';

const number = { sql: 'm.number', type: 'int' } as const;
const startsOn = { sql: 'm.starts_on', type: 'date' } as const;
const key = { sql: 'm.id', type: 'int' } as const;

export const meetingOrderings: Record<MeetingOrder, Ordering> = {
  NUMBER_ASC: { name: 'NUMBER_ASC', columns: [number], descending: false },
  NUMBER_DESC: { name: 'NUMBER_DESC', columns: [number], descending: true },
  STARTS_ON_ASC: { name: 'STARTS_ON_ASC', columns: [startsOn, key], descending: false },
  STARTS_ON_DESC: { name: 'STARTS_ON_DESC', columns: [startsOn, key], descending: true },
  ...updatedAtOrderings('m'),
};

export function meetingConditions(filter: MeetingFilter | null | undefined, argumentName = 'filter'): Condition[] {
  if (!filter) return [];
  checkDateRange(filter.dates, `${argumentName}.dates`);
  for (const [index, state] of (filter.states ?? []).entries()) {
    if (!isStateCode(state))
      throw userInputError(`${argumentName}.states[${index}]`, `must be ${valueRuleDescriptions.stateCode}, got "${state.slice(0, 40)}"`);
  }
  const { dates, city } = filter;
  return [
    ...(dates?.from ? [(sql: Parameters<Condition>[0]) => `m.ends_on >= ${sql.param(dates.from, 'date')}`] : []),
    ...(dates?.to ? [(sql: Parameters<Condition>[0]) => `m.starts_on <= ${sql.param(dates.to, 'date')}`] : []),
    ...anyOfValues(filter.states, 'm.state', 'text[]', `${argumentName}.states`),
    ...(city ? [(sql: Parameters<Condition>[0]) => `lower(m.city) = lower(${sql.param(city, 'text')})`] : []),
    ...themeMatchConditions(filter.themes, 'meeting_theme', 'meeting_id', 'm.id', `${argumentName}.themes`),
    ...anyOfIds(filter.conveners, 'Organization', `${argumentName}.conveners`, (_sql, keys) => `m.convener_id = ANY(${keys})`),
    ...anyOfSlugs(filter.convenerSlugs, 'organization', `${argumentName}.convenerSlugs`, (_sql, keys) => `m.convener_id = ANY(${keys})`),
  ];
}

export const meetingListing = defineListing({
  nodeType: Meeting,
  rootName: 'meetings',
  from: 'meeting m',
  key: 'm.id',
  orderings: meetingOrderings,
  conditions: (filter: MeetingFilter | null | undefined) => meetingConditions(filter),
});

/** The meetings convened by the organization that is the parent of a nested list (Organization.convenedMeetings). */
export const meetingsConvenedByOrganization: NestedSource = { where: `m.convener_id = ${parentKey}` };
