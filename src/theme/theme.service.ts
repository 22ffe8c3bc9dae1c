/** The list of themes. */
import { nameOrderings, type NameOrder } from '../shared/name-orderings';
import { defineListing } from '../shared/pagination/listing';
import { Theme } from './theme.entity';
import { themeListConditions, type ThemeFilter } from './theme.inputs';

export const themeListing = defineListing<Theme, ThemeFilter, NameOrder>({
  nodeType: Theme,
  rootName: 'themes',
  from: 'theme t',
  key: 't.id',
  orderings: nameOrderings('t'),
  conditions: themeListConditions,
});
