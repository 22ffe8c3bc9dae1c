/** Why two records are related, in words: "linked by the editors (supports)", "shares the theme Data use". */
import { linkKindVerbs } from './link-kinds';

export interface RelationReasonView {
  kind: string;
  linkKind?: string | null;
  direction?: string | null;
  theme?: { name: string } | null;
  district?: { name: string } | null;
  network?: { name: string } | null;
}

export function reasonText(reason: RelationReasonView): string {
  switch (reason.kind) {
    case 'EXPLICIT_LINK': {
      const verb = reason.linkKind ? (linkKindVerbs[reason.linkKind] ?? reason.linkKind.toLowerCase()) : 'linked';
      return reason.direction === 'INCOMING' ? `the editors linked it: it ${verb} this` : `the editors linked them: this ${verb} it`;
    }
    case 'SHARED_THEME':
      return `shares the theme ${reason.theme?.name ?? ''}`.trim();
    case 'SHARED_DISTRICT':
      return `both concern ${reason.district?.name ?? 'a district'}`;
    case 'SHARED_NETWORK':
      return `both concern ${reason.network?.name ?? 'a network'}`;
    case 'BUILDS_ON':
      return reason.direction === 'INCOMING' ? 'it builds on this' : 'this builds on it';
    case 'SAME_MEETING':
      return 'both follow up the same meeting';
    case 'TEXT_SIMILARITY':
      return 'similar wording';
    default:
      return reason.kind.toLowerCase().replace(/_/g, ' ');
  }
}

export function RelationReasons({ reasons }: { reasons: readonly RelationReasonView[] }) {
  return <span className="reasons">{reasons.map(reasonText).join('; ')}</span>;
}
