/**
 * A brief's byline, in order and grouped by role ("Authors: …", "Editors: …"): each person links to
 * their page, each organization (a group author) to its page.
 */
import { Fragment, type ReactNode } from 'react';
import { enumLabel } from '../shared/kinds';
import { RecordLink } from '../shared/record-link';
import type { LinkableRecord } from '../shared/record-path';

export const contributorRoleLabels: Record<string, string> = {
  AUTHOR: 'Author',
  EDITOR: 'Editor',
  CONTRIBUTOR: 'Contributor',
};

const rolePlurals: Record<string, string> = {
  AUTHOR: 'Authors',
  EDITOR: 'Editors',
  CONTRIBUTOR: 'Contributors',
};

export interface ContributorItem {
  id: string;
  role: string;
  name: string;
  person?: LinkableRecord | null;
  organization?: LinkableRecord | null;
}

/** The names of one role, joined as a byline is written ("A, B and C"), each a link. */
function Byline({ contributors }: { contributors: readonly ContributorItem[] }) {
  return (
    <>
      {contributors.map((contributor, index) => {
        const record = contributor.person ?? contributor.organization;
        const separator = index === 0 ? '' : index === contributors.length - 1 ? ' and ' : ', ';
        return (
          <Fragment key={contributor.id}>
            {separator}
            {record ? <RecordLink record={record}>{contributor.name}</RecordLink> : contributor.name}
          </Fragment>
        );
      })}
    </>
  );
}

/** Facts for the byline: one per role present, in the order roles first appear. */
export function contributorFacts(contributors: readonly ContributorItem[]): Array<[string, ReactNode]> {
  const roles = [...new Set(contributors.map((contributor) => contributor.role))];
  return roles.map((role) => {
    const ofRole = contributors.filter((contributor) => contributor.role === role);
    const label = ofRole.length === 1 ? enumLabel(role, contributorRoleLabels) : (rolePlurals[role] ?? enumLabel(role));
    return [label, <Byline contributors={ofRole} />];
  });
}
