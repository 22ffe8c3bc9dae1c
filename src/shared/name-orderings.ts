/** The by-name orderings that organizations, themes, districts and networks share. */
import { registerEnumType } from 'type-graphql';
import type { Ordering } from './pagination/keyset';
import { updatedAtOrderDescriptions, updatedAtOrderings } from './updated-at';

export enum NameOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(NameOrder, {
  name: 'NameOrder',
  description: 'Alphabetical order by name, or order of last change; ties broken by creation order.',
  valuesConfig: {
    ...updatedAtOrderDescriptions,
    NAME_ASC: { description: 'A to Z.' },
    NAME_DESC: { description: 'Z to A.' },
  },
});

export function nameOrderings(alias: string): Record<NameOrder, Ordering> {
  const columns = [
    { sql: `${alias}.name`, type: 'text' as const },
    { sql: `${alias}.id`, type: 'int' as const },
  ];
  return {
    NAME_ASC: { name: 'NAME_ASC', columns, descending: false },
    NAME_DESC: { name: 'NAME_DESC', columns, descending: true },
    ...updatedAtOrderings(alias),
  };
}
