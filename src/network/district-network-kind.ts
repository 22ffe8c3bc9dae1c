/** How the districts of a network work together: a GraphQL enum and a PostgreSQL enum (district_network_kind). */
import { registerEnumType } from 'type-graphql';

export enum DistrictNetworkKind {
  CONSORTIUM = 'CONSORTIUM',
  LEARNING_PARTNERSHIP = 'LEARNING_PARTNERSHIP',
  IMPROVEMENT_NETWORK = 'IMPROVEMENT_NETWORK',
  DATA_COLLABORATIVE = 'DATA_COLLABORATIVE',
}
registerEnumType(DistrictNetworkKind, {
  name: 'DistrictNetworkKind',
  description: 'How the districts of a network work together.',
  valuesConfig: {
    CONSORTIUM: { description: 'Districts joined in a formal consortium.' },
    DATA_COLLABORATIVE: { description: 'Districts sharing and studying their data together.' },
    IMPROVEMENT_NETWORK: { description: 'Districts working on a shared improvement aim.' },
    LEARNING_PARTNERSHIP: { description: 'Districts learning from one another.' },
  },
});
