/** An inclusive range of calendar dates, either end optional. */
import { Field, InputType } from 'type-graphql';
import type { SqlBuilder } from './pagination/sql-builder';
import { LocalDate } from './scalars';
import { userInputError } from './user-input-error';

@InputType({ description: 'An inclusive range of dates; leave an end out to leave it open.' })
export class DateRange {
  @Field(() => LocalDate, { nullable: true, description: 'The first day of the range; open when left out.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The last day of the range; open when left out.' })
  to?: string | null;
}

export function checkDateRange(range: DateRange | null | undefined, argumentName: string): void {
  if (range?.from && range.to && range.from > range.to) {
    throw userInputError(argumentName, `is an inverted date range: "from" (${range.from}) is after "to" (${range.to})`);
  }
}

/** SQL for "the column's date lies within the range". */
export function dateWithin(sql: SqlBuilder, column: string, range: DateRange): string {
  const parts = [];
  if (range.from) parts.push(`${column} >= ${sql.param(range.from, 'date')}`);
  if (range.to) parts.push(`${column} <= ${sql.param(range.to, 'date')}`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}
