/** How precisely a date is known: many publications give only a month. */
import { registerEnumType } from 'type-graphql';

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precisely a date is known. A date known to the month is stored as the first day of that month.',
  valuesConfig: {
    DAY: { description: 'Known to the day.' },
    MONTH: { description: 'Known to the month.' },
    YEAR: { description: 'Known to the year only.' },
  },
});
