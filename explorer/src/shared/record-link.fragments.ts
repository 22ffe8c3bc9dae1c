/** What every link to a record needs: its type, its human key (for the URL) and its label. */
import { graphql } from '../graphql';

export const RecordLinkFragment = graphql(`
  fragment RecordLink on Node {
    __typename
    id
    ... on Brief {
      slug
      title
    }
    ... on Lesson {
      statement
      position
      brief {
        id
        slug
        title
      }
    }
    ... on Meeting {
      number
      meetingTitle: title
      dateRange
    }
    ... on Theme {
      slug
      name
    }
    ... on District {
      slug
      name
      state
    }
    ... on DistrictNetwork {
      slug
      name
    }
    ... on Organization {
      slug
      name
      shortName
    }
    ... on Person {
      slug
      name
    }
  }
`);
