import type { RequestContext } from '../context';
import { recordsByKey } from '../shared/record-loaders';
import { Brief } from './brief.entity';

export const briefByKey = (context: RequestContext) => context.loaders.get('brief.byKey', (manager) => recordsByKey(manager, Brief));
