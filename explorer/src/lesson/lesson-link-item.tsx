/** One lesson link, read from the side of `lessonId`: "supports → other lesson (in other brief)", with its rationale. */
import { basisLabels } from '../shared/evidence';
import { linkKindVerbs } from '../shared/link-kinds';
import { RecordLink } from '../shared/record-link';
import type { LinkableRecord } from '../shared/record-path';

interface LinkedLesson extends LinkableRecord {
  brief?: { id: string; slug: string; title: string };
}

export interface LessonLinkView {
  id: string;
  kind: string;
  rationale: string;
  basis?: string;
  explanation?: string | null;
  from: LinkedLesson;
  to: LinkedLesson;
}

function LessonInBrief({ lesson }: { lesson: LinkedLesson }) {
  return (
    <>
      <RecordLink record={lesson} />
      {lesson.brief ? (
        <span className="in-brief">
          {' '}
          (in <RecordLink record={{ __typename: 'Brief', ...lesson.brief }} />)
        </span>
      ) : null}
    </>
  );
}

export function LessonLinkItem({ link, lessonId }: { link: LessonLinkView; lessonId: string }) {
  const outgoing = link.from.id === lessonId;
  const verb = linkKindVerbs[link.kind] ?? link.kind.toLowerCase();
  return (
    <div className={`lesson-link kind-${link.kind.toLowerCase()}`}>
      <p>
        {outgoing ? (
          <>
            <strong className="link-kind">This lesson {verb}</strong> <LessonInBrief lesson={link.to} />
          </>
        ) : (
          <>
            <LessonInBrief lesson={link.from} /> <strong className="link-kind">{verb} this lesson</strong>
          </>
        )}
      </p>
      <p className="rationale">Why: {link.rationale}</p>
      {link.explanation ? <p className="explanation">{link.explanation}</p> : null}
      {link.basis ? <p className="basis">Basis: {basisLabels[link.basis] ?? link.basis}</p> : null}
    </div>
  );
}
