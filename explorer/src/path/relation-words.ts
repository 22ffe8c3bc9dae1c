/** Each step of a path as words: "Brief A — has the theme → Theme B". */
const relationWords: Record<string, string> = {
  ABOUT: 'is about',
  BUILDS_ON: 'builds on',
  BUILT_ON_BY: 'is built on by',
  CONVENED: 'convened',
  CONVENED_BY: 'was convened by',
  COORDINATED_BY: 'is coordinated by',
  COORDINATES: 'coordinates',
  DRAWN_IN: 'is drawn in',
  DRAWS: 'draws the lesson',
  FOLLOWED_UP_BY: 'is followed up by',
  FOLLOWS_UP: 'follows up',
  HAS_MEMBER: 'has the member',
  HAS_SUBTHEME: 'has the sub-theme',
  HAS_THEME: 'has the theme',
  HOUSED_BY: 'is housed by',
  HOUSES: 'houses',
  LINKED_FROM: 'is linked from',
  LINKS_TO: 'links to',
  MEMBER_OF: 'is a member of',
  PUBLISHED: 'published',
  PUBLISHED_BY: 'was published by',
  STUDIED_IN: 'is studied in',
  STUDIES: 'studies',
  SUBJECT_OF: 'is the subject of',
  SUBTHEME_OF: 'is a sub-theme of',
  THEME_OF: 'is a theme of',
};

const activeLinkWords: Record<string, string> = {
  SUPPORTS: 'supports',
  QUALIFIES: 'qualifies',
  EXTENDS: 'extends',
  REPLICATES: 'replicates',
  CONTRADICTS: 'contradicts',
};
const passiveLinkWords: Record<string, string> = {
  SUPPORTS: 'is supported by',
  QUALIFIES: 'is qualified by',
  EXTENDS: 'is extended by',
  REPLICATES: 'is replicated by',
  CONTRADICTS: 'is contradicted by',
};

export function relationPhrase(relation: string, linkKind?: string | null): string {
  if (linkKind && relation === 'LINKS_TO') return activeLinkWords[linkKind] ?? relationWords[relation];
  if (linkKind && relation === 'LINKED_FROM') return passiveLinkWords[linkKind] ?? relationWords[relation];
  return relationWords[relation] ?? relation.toLowerCase().replace(/_/g, ' ');
}
