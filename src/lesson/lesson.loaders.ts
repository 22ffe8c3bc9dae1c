import type { RequestContext } from '../context';
import { recordsByKey, recordsByParent, relatedKeys } from '../shared/record-loaders';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';

export const lessonByKey = (context: RequestContext) => context.loaders.get('lesson.byKey', (manager) => recordsByKey(manager, Lesson));

export const lessonsOfBrief = (context: RequestContext) =>
  context.loaders.get('lesson.ofBrief', (manager) => recordsByParent(manager, Lesson, 'briefKey', { position: 'ASC' }));

export const linksFromLesson = (context: RequestContext) =>
  context.loaders.get('lesson.linksFrom', (manager) => recordsByParent(manager, LessonLink, 'fromLessonKey', { kind: 'ASC', key: 'ASC' }));

export const linksToLesson = (context: RequestContext) =>
  context.loaders.get('lesson.linksTo', (manager) => recordsByParent(manager, LessonLink, 'toLessonKey', { kind: 'ASC', key: 'ASC' }));

const lessonKeysThrough = (joinTable: string, ownerColumn: string) =>
  `SELECT j.${ownerColumn} AS owner, j.lesson_id AS target FROM ${joinTable} j JOIN lesson l ON l.id = j.lesson_id
    WHERE j.${ownerColumn} = ANY($1) ORDER BY l.brief_id, l.position`;

export const lessonKeysOfTheme = (context: RequestContext) =>
  context.loaders.get('lesson.keysOfTheme', (manager) => relatedKeys(manager, lessonKeysThrough('lesson_theme', 'theme_id')));

export const lessonKeysOfDistrict = (context: RequestContext) =>
  context.loaders.get('lesson.keysOfDistrict', (manager) => relatedKeys(manager, lessonKeysThrough('lesson_district', 'district_id')));
