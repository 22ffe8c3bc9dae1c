import type { RequestContext } from '../context';
import { recordsByKey, relatedKeys } from '../shared/record-loaders';
import { District } from './district.entity';

export const districtByKey = (context: RequestContext) => context.loaders.get('district.byKey', (manager) => recordsByKey(manager, District));

/** District keys of records through a join table with a `district_id` column, ordered by district name. */
export const districtKeysOf = (
  context: RequestContext,
  joinTable: 'brief_district' | 'meeting_district' | 'lesson_district',
  ownerColumn: string,
) =>
  context.loaders.get(`district.keysOf.${joinTable}`, (manager) =>
    relatedKeys(
      manager,
      `SELECT j.${ownerColumn} AS owner, j.district_id AS target FROM ${joinTable} j JOIN district d ON d.id = j.district_id
        WHERE j.${ownerColumn} = ANY($1) ORDER BY d.name, d.id`,
    ),
  );
