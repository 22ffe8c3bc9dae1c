import { graphql } from '../graphql';

const GraphLessonFragment = graphql(`
  fragment GraphLesson on Lesson {
    id
    statement
    position
    brief {
      id
      slug
      title
    }
  }
`);

const GraphLinkFragment = graphql(
  `
    fragment GraphLink on LessonLink {
      id
      kind: linkKind
      rationale
      from {
        ...GraphLesson
      }
      to {
        ...GraphLesson
      }
    }
  `,
  [GraphLessonFragment],
);

const GraphReasonFragment = graphql(`
  fragment GraphReason on RelationReason {
    kind
    linkKind
    theme {
      id
      name
    }
    district {
      id
      name
    }
    network {
      id
      name
    }
  }
`);

/**
 * One step of the graph around a lesson or a brief. Every list is capped here, so one expansion
 * adds a bounded number of records whatever the size of the knowledge base.
 */
export const GraphNeighbourhoodQuery = graphql(
  `
    query GraphNeighbourhood($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Lesson {
          ...GraphLesson
          links(first: 12) {
            totalCount
            nodes {
              ...GraphLink
            }
          }
          relatedLessons(first: 6) {
            edges {
              score
              reasons {
                ...GraphReason
              }
              node {
                ...GraphLesson
              }
            }
          }
        }
        ... on Brief {
          slug
          title
          lessons(first: 12) {
            totalCount
            nodes {
              ...GraphLesson
              links(first: 6) {
                nodes {
                  ...GraphLink
                }
              }
            }
          }
          relatedBriefs(first: 6) {
            edges {
              score
              reasons {
                ...GraphReason
              }
              node {
                id
                slug
                title
              }
            }
          }
        }
      }
    }
  `,
  [GraphLessonFragment, GraphLinkFragment, GraphReasonFragment],
);
