/** What every resolver receives for one request: the database and that request's loaders. */
import type { DataSource } from 'typeorm';
import { LoaderRegistry } from './shared/loader-registry';

export interface RequestContext {
  dataSource: DataSource;
  loaders: LoaderRegistry;
}

export function createRequestContext(dataSource: DataSource): RequestContext {
  return { dataSource, loaders: new LoaderRegistry(dataSource.manager) };
}
