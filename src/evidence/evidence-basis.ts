/**
 * On what a finding or relation rests: stated by its report, drawn from the report's
 * own summary, or Briefgraph's editorial reading. One enum for lessons, lesson links,
 * paths and related records, so a researcher can restrict any of them to stated findings.
 */
import { registerEnumType } from 'type-graphql';

export enum EvidenceBasis {
  STATED = 'STATED',
  SUMMARIZED = 'SUMMARIZED',
  EDITORIAL_INFERENCE = 'EDITORIAL_INFERENCE',
}
registerEnumType(EvidenceBasis, {
  name: 'EvidenceBasis',
  description: 'On what a lesson or a relation rests, from the strongest to the weakest.',
  valuesConfig: {
    STATED: { description: 'The report (or its publisher describing it) names it as a finding or lesson.' },
    SUMMARIZED: { description: "Drawn from the report's own summary or blurb, which does not present it as a finding." },
    EDITORIAL_INFERENCE: { description: "Briefgraph editors' reading, going beyond what the report or its summary says." },
  },
});

/** How much each basis counts when ranking (paths, related records): stated findings first. */
export const basisWeight: Record<EvidenceBasis, number> = {
  STATED: 1,
  SUMMARIZED: 0.9,
  EDITORIAL_INFERENCE: 0.8,
};

/** SQL for the weight of the basis in `expression` (a basis value or its text), null when it is null. */
export function basisWeightSql(expression: string): string {
  return `CASE ${expression} ${Object.values(EvidenceBasis)
    .map((basis) => `WHEN '${basis}' THEN ${basisWeight[basis]}`)
    .join(' ')} END`;
}
