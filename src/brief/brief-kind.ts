/** What sort of publication a brief is: a GraphQL enum and a PostgreSQL enum (brief_kind). */
import { registerEnumType } from 'type-graphql';

export enum BriefKind {
  POLICY_BRIEF = 'POLICY_BRIEF',
  REPORT = 'REPORT',
  RESEARCH_PAPER = 'RESEARCH_PAPER',
  MEETING_SUMMARY = 'MEETING_SUMMARY',
  CASE_STUDY = 'CASE_STUDY',
}
registerEnumType(BriefKind, {
  name: 'BriefKind',
  description: 'What sort of publication a brief is.',
  valuesConfig: {
    POLICY_BRIEF: { description: 'A short brief for policymakers.' },
    REPORT: { description: 'A full research report.' },
    RESEARCH_PAPER: { description: 'A research or working paper.' },
    MEETING_SUMMARY: { description: 'A summary of a meeting and what was said there.' },
    CASE_STUDY: { description: 'A study of one district, school or program.' },
  },
});
