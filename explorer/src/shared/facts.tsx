/** A record's facts as a description list; facts without a value are left out. */
import type { ReactNode } from 'react';

export function Facts({ facts }: { facts: Array<[string, ReactNode | null | undefined | false]> }) {
  const present = facts.filter(([, value]) => value !== null && value !== undefined && value !== false && value !== '');
  return (
    <dl className="facts">
      {present.map(([label, value], index) => (
        <div key={`${index}-${label}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
