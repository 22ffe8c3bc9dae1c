import type { RequestContext } from '../context';
import { recordsByKey, recordsByParent, relatedKeys } from '../shared/record-loaders';
import { DistrictNetwork } from './district-network.entity';

export const networkByKey = (context: RequestContext) => context.loaders.get('districtNetwork.byKey', (manager) => recordsByKey(manager, DistrictNetwork));

export const networksCoordinatedBy = (context: RequestContext) =>
  context.loaders.get('network.coordinatedBy', (manager) => recordsByParent(manager, DistrictNetwork, 'coordinatorKey', { name: 'ASC', key: 'ASC' }));

export const networkKeysOfDistrict = (context: RequestContext) =>
  context.loaders.get('network.keysOfDistrict', (manager) =>
    relatedKeys(
      manager,
      `SELECT m.district_id AS owner, m.network_id AS target FROM district_network_member m JOIN district_network n ON n.id = m.network_id
        WHERE m.district_id = ANY($1) ORDER BY n.name, n.id`,
    ),
  );

export const networkKeysOfBrief = (context: RequestContext) =>
  context.loaders.get('network.keysOfBrief', (manager) =>
    relatedKeys(
      manager,
      `SELECT j.brief_id AS owner, j.network_id AS target FROM brief_network j JOIN district_network n ON n.id = j.network_id
        WHERE j.brief_id = ANY($1) ORDER BY n.name, n.id`,
    ),
  );
