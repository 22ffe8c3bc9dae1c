/** A publication date with the precision the publisher gave it (often only a month). */
import { Field, Int, ObjectType } from 'type-graphql';
import { monthNames } from '../shared/calendar';
import { DatePrecision } from '../shared/date-precision';
import { LocalDate } from '../shared/scalars';

/** How a publication date written "2019", "2019-05" or "2019-05-01" is stored: the first day it can be, and its precision. */
export function storedPublicationDate(published: string | null | undefined): { date: string | null; precision: DatePrecision | null } {
  if (!published) return { date: null, precision: null };
  if (/^\d{4}$/.test(published)) return { date: `${published}-01-01`, precision: DatePrecision.YEAR };
  if (/^\d{4}-\d{2}$/.test(published)) return { date: `${published}-01`, precision: DatePrecision.MONTH };
  return { date: published, precision: DatePrecision.DAY };
}

@ObjectType({ description: 'A date known to the day, the month or the year. A value with no id: equal dates are the same value.' })
export class PublicationDate {
  @Field(() => LocalDate, { description: 'The date; the first day of the month or year when only those are known.' })
  date: string;

  @Field(() => DatePrecision, { description: 'How precisely the date is known.' })
  precision: DatePrecision;

  constructor(date: string, precision: DatePrecision) {
    this.date = date;
    this.precision = precision;
  }

  @Field(() => Int, { description: 'The year.' })
  get year(): number {
    return Number(this.date.slice(0, 4));
  }

  @Field(() => Int, { nullable: true, description: 'Month 1-12, when known.' })
  get month(): number | null {
    return this.precision === DatePrecision.YEAR ? null : Number(this.date.slice(5, 7));
  }

  @Field(() => Int, { nullable: true, description: 'Day of the month, when known.' })
  get day(): number | null {
    return this.precision === DatePrecision.DAY ? Number(this.date.slice(8, 10)) : null;
  }

  @Field({ description: 'As a reader would write it: "2011", "September 2018" or "September 4, 2018".' })
  get text(): string {
    if (this.precision === DatePrecision.YEAR) return String(this.year);
    const month = monthNames[this.month! - 1];
    return this.precision === DatePrecision.MONTH ? `${month} ${this.year}` : `${month} ${this.day}, ${this.year}`;
  }
}
