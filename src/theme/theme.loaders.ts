import type { RequestContext } from '../context';
import { recordsByKey, recordsByParent, relatedKeys } from '../shared/record-loaders';
import { Theme } from './theme.entity';

export const themeByKey = (context: RequestContext) => context.loaders.get('theme.byKey', (manager) => recordsByKey(manager, Theme));

export const themeChildren = (context: RequestContext) =>
  context.loaders.get('theme.children', (manager) => recordsByParent(manager, Theme, 'parentKey', { name: 'ASC', key: 'ASC' }));

/** Theme keys of records through a join table `<owner>_theme`, ordered by theme name. */
export const themeKeysOf = (context: RequestContext, joinTable: 'brief_theme' | 'meeting_theme' | 'lesson_theme', ownerColumn: string) =>
  context.loaders.get(`theme.keysOf.${joinTable}`, (manager) =>
    relatedKeys(
      manager,
      `SELECT j.${ownerColumn} AS owner, j.theme_id AS target FROM ${joinTable} j JOIN theme t ON t.id = j.theme_id
        WHERE j.${ownerColumn} = ANY($1) ORDER BY t.name, t.id`,
    ),
  );
