import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { recordLabel, recordPath, typeLabels, type LinkableRecord } from './record-path';

/** A link to a record's page, named as the record is named; plain text for records without a page. */
export function RecordLink({ record, children, showType = false }: { record: LinkableRecord; children?: ReactNode; showType?: boolean }) {
  const path = recordPath(record);
  const label = children ?? recordLabel(record);
  const type = showType && record.__typename ? <span className="type-tag">{typeLabels[record.__typename] ?? record.__typename}</span> : null;
  return (
    <>
      {type}
      {path ? <Link href={path}>{label}</Link> : <span>{label}</span>}
    </>
  );
}

/** A comma-free list of record links, as tags ("Themes: A B C"); nothing when empty. */
export function RecordTags({ label, records }: { label: string; records: readonly LinkableRecord[] }) {
  if (records.length === 0) return null;
  return (
    <div className="tags">
      <span className="tags-label">{label}</span>
      <ul>
        {records.map((record) => (
          <li key={record.id}>
            <RecordLink record={record} />
          </li>
        ))}
      </ul>
    </div>
  );
}
