/** What sort of body an organization is: a GraphQL enum and a PostgreSQL enum (organization_kind). */
import { registerEnumType } from 'type-graphql';

export enum OrganizationKind {
  RESEARCH_COLLABORATIVE = 'RESEARCH_COLLABORATIVE',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  UNIVERSITY_POLICY_CENTER = 'UNIVERSITY_POLICY_CENTER',
  DISTRICT_NETWORK = 'DISTRICT_NETWORK',
  STATE_AGENCY = 'STATE_AGENCY',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What sort of body an organization is.',
  valuesConfig: {
    RESEARCH_COLLABORATIVE: { description: 'Researchers and practitioners working together.' },
    RESEARCH_INSTITUTE: { description: 'An independent research institute.' },
    UNIVERSITY_POLICY_CENTER: { description: 'A policy research center at a university.' },
    DISTRICT_NETWORK: { description: 'An organization run by a network of districts.' },
    STATE_AGENCY: { description: 'A state education agency.' },
    OTHER: { description: 'Any other body.' },
  },
});
