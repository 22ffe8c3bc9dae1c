/** How each kind of lesson link reads as a verb, and its colour in the graph. */
export const linkKindVerbs: Record<string, string> = {
  SUPPORTS: 'supports',
  QUALIFIES: 'qualifies',
  EXTENDS: 'extends',
  REPLICATES: 'replicates',
  CONTRADICTS: 'contradicts',
};

/** Colours with at least 4.5:1 contrast on white, distinguishable without red–green vision. */
export const linkKindColours: Record<string, string> = {
  SUPPORTS: '#1a6e3a',
  QUALIFIES: '#8a4b00',
  EXTENDS: '#1f4fa8',
  REPLICATES: '#6b3fa0',
  CONTRADICTS: '#b0002a',
};
