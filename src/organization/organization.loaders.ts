import type { RequestContext } from '../context';
import { recordsByKey, recordsByParent } from '../shared/record-loaders';
import { Organization } from './organization.entity';

export const organizationByKey = (context: RequestContext) =>
  context.loaders.get('organization.byKey', (manager) => recordsByKey(manager, Organization));

export const organizationsHousedBy = (context: RequestContext) =>
  context.loaders.get('organization.housedBy', (manager) => recordsByParent(manager, Organization, 'housedByKey', { name: 'ASC', key: 'ASC' }));
