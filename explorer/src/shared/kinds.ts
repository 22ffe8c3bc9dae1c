/** Enum values as a reader would write them. */
export const briefKindLabels: Record<string, string> = {
  POLICY_BRIEF: 'Policy brief',
  REPORT: 'Report',
  RESEARCH_PAPER: 'Research paper',
  MEETING_SUMMARY: 'Meeting summary',
  CASE_STUDY: 'Case study',
};

export function enumLabel(value: string, labels: Record<string, string> = {}): string {
  if (labels[value]) return labels[value];
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
