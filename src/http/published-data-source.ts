import { DataSource } from 'typeorm';

/** The same database seen through the `published` schema first: drafts are not there (migration AddWrites). */
export async function openPublishedDataSource(dataSource: DataSource): Promise<DataSource> {
  const options = dataSource.options as typeof dataSource.options & { extra?: Record<string, unknown> };
  const extra = options.extra ?? {};
  const published = new DataSource({
    ...options,
    extra: { ...extra, options: `${extra.options ?? ''} -c search_path=published,public`.trim() },
  } as typeof dataSource.options);
  return published.initialize();
}
