import type { RequestContext } from '../context';
import { recordsByKey } from '../shared/record-loaders';
import { Lesson } from './lesson.entity';
import { LessonLink } from './lesson-link.entity';

export const lessonByKey = (context: RequestContext) => context.loaders.get('lesson.byKey', (manager) => recordsByKey(manager, Lesson));

export const lessonLinkByKey = (context: RequestContext) => context.loaders.get('lessonLink.byKey', (manager) => recordsByKey(manager, LessonLink));
