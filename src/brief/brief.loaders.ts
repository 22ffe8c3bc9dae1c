import type { RequestContext } from '../context';
import { recordsByKey, recordsByParent, relatedKeys } from '../shared/record-loaders';
import { Brief } from './brief.entity';

const newestFirst = 'b.published_on DESC NULLS LAST, b.title, b.id';

export const briefByKey = (context: RequestContext) => context.loaders.get('brief.byKey', (manager) => recordsByKey(manager, Brief));

export const briefsPublishedBy = (context: RequestContext) =>
  context.loaders.get('brief.publishedBy', (manager) =>
    recordsByParent(manager, Brief, 'publisherKey', { publishedOn: { direction: 'DESC', nulls: 'LAST' }, title: 'ASC', key: 'ASC' }),
  );

export const briefsFollowingUp = (context: RequestContext) =>
  context.loaders.get('brief.followingUp', (manager) =>
    recordsByParent(manager, Brief, 'followsUpMeetingKey', { publishedOn: { direction: 'DESC', nulls: 'LAST' }, title: 'ASC', key: 'ASC' }),
  );

const briefKeysThrough = (joinTable: string, ownerColumn: string, targetColumn = 'brief_id') =>
  `SELECT j.${ownerColumn} AS owner, j.${targetColumn} AS target FROM ${joinTable} j JOIN brief b ON b.id = j.${targetColumn}
    WHERE j.${ownerColumn} = ANY($1) ORDER BY ${newestFirst}`;

export const briefKeysOfTheme = (context: RequestContext) =>
  context.loaders.get('brief.keysOfTheme', (manager) => relatedKeys(manager, briefKeysThrough('brief_theme', 'theme_id')));

export const briefKeysOfNetwork = (context: RequestContext) =>
  context.loaders.get('brief.keysOfNetwork', (manager) => relatedKeys(manager, briefKeysThrough('brief_network', 'network_id')));

export const briefKeysBuiltOn = (context: RequestContext) =>
  context.loaders.get('brief.keysBuiltOn', (manager) => relatedKeys(manager, briefKeysThrough('brief_builds_on', 'brief_id', 'builds_on_brief_id')));

export const briefKeysBuildingOn = (context: RequestContext) =>
  context.loaders.get('brief.keysBuildingOn', (manager) => relatedKeys(manager, briefKeysThrough('brief_builds_on', 'builds_on_brief_id', 'brief_id')));

/** Briefs about a district: those naming it, and those about a network it belongs to. */
export const briefKeysConcerningDistrict = (context: RequestContext) =>
  context.loaders.get('brief.keysConcerningDistrict', (manager) =>
    relatedKeys(
      manager,
      `SELECT concerned.owner, concerned.target FROM (
         SELECT district_id AS owner, brief_id AS target FROM brief_district WHERE district_id = ANY($1)
         UNION
         SELECT m.district_id, bn.brief_id FROM district_network_member m JOIN brief_network bn ON bn.network_id = m.network_id
          WHERE m.district_id = ANY($1)
       ) concerned JOIN brief b ON b.id = concerned.target ORDER BY ${newestFirst}`,
    ),
  );
