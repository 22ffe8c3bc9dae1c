import type { RequestContext } from '../context';
import { recordsByKey } from '../shared/record-loaders';
import { SourceDocument } from './source-document.entity';

export const sourceDocumentByKey = (context: RequestContext) =>
  context.loaders.get('sourceDocument.byKey', (manager) => recordsByKey(manager, SourceDocument));
