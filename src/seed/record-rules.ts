/** Rules several record types' seed declarations apply to their records (`checkRecords`). */
import type { LocatedRecord, ReportRecordProblem } from './seed-record-type';

/** The label of the record that first claimed `identity`, or undefined (and `label` claims it). */
export function firstClaim(claimed: Map<string, string>, identity: string, label: string): string | undefined {
  const first = claimed.get(identity);
  if (first === undefined) claimed.set(identity, label);
  return first;
}

/** Reports records that are their own ancestor through `parentField` (a slug of the same collection). */
export function checkNoCycles(records: LocatedRecord[], parentField: string, report: ReportRecordProblem): void {
  const parentOf = new Map<string, string>();
  for (const record of records) {
    if (typeof record.value.slug === 'string' && typeof record.value[parentField] === 'string')
      parentOf.set(record.value.slug, record.value[parentField] as string);
  }
  for (const record of records) {
    const start = record.value.slug as string;
    let current = parentOf.get(start);
    for (let steps = 0; current !== undefined && steps <= parentOf.size; steps++) {
      if (current === start) {
        report(record, parentField, `forms a cycle: "${start}" is its own ancestor`);
        break;
      }
      current = parentOf.get(current);
    }
  }
}

/** The list a record holds in `field`, or [] when it holds none or something else (reported by the field checks). */
export function listOf(record: LocatedRecord, field: string): unknown[] {
  const value = record.value[field];
  return Array.isArray(value) ? value : [];
}
