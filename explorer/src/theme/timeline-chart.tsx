/**
 * A theme's timeline as grouped bars (briefs, meetings, lessons per year). Each year is a link to
 * that year's records; the same numbers are in a table beside it for screen readers and keyboards.
 */
import { useLocation } from 'wouter';

export interface TimelineYear {
  year: number;
  briefs: number;
  meetings: number;
  lessons: number;
}

const series = [
  { key: 'briefs', label: 'Briefs', colour: '#1f4fa8' },
  { key: 'meetings', label: 'Meetings', colour: '#8a4b00' },
  { key: 'lessons', label: 'Lessons', colour: '#1a6e3a' },
] as const;

/** Every year from the first to the last, so gaps show as gaps. */
export function continuousYears(years: readonly TimelineYear[]): TimelineYear[] {
  if (years.length === 0) return [];
  const byYear = new Map(years.map((entry) => [entry.year, entry]));
  const first = Math.min(...years.map((entry) => entry.year));
  const last = Math.max(...years.map((entry) => entry.year));
  const all: TimelineYear[] = [];
  for (let year = first; year <= last; year++) all.push(byYear.get(year) ?? { year, briefs: 0, meetings: 0, lessons: 0 });
  return all;
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const yearSummary = (entry: TimelineYear) =>
  `${entry.year}: ${counted(entry.briefs, 'brief')}, ${counted(entry.meetings, 'meeting')}, ${counted(entry.lessons, 'lesson')}`;

export function TimelineChart({
  years,
  hrefOfYear,
  selectedYear,
}: {
  years: readonly TimelineYear[];
  hrefOfYear: (year: number) => string;
  selectedYear?: number;
}) {
  const [, navigate] = useLocation();
  const all = continuousYears(years);
  const maximum = Math.max(1, ...all.flatMap((entry) => series.map((item) => entry[item.key])));
  // Few years get wide bars, many years narrow ones (the chart scrolls sideways past ~30 years).
  const groupWidth = Math.max(44, Math.min(120, Math.floor(560 / Math.max(all.length, 1))));
  const barWidth = Math.floor((groupWidth - 8) / 3);
  const height = 160;
  const top = 22;
  const width = Math.max(all.length * groupWidth + 40, 200);
  const scale = (value: number) => (value / maximum) * (height - top);
  return (
    <figure className="timeline">
      <div className="timeline-scroll">
        <svg
          viewBox={`0 0 ${width} ${height + 28}`}
          width={width}
          height={height + 28}
          role="group"
          aria-label="Records per year; each year links to its records"
        >
          <line x1={20} x2={width - 10} y1={height} y2={height} stroke="#595959" />
          {all.map((entry, index) => {
            const x = 28 + index * groupWidth + 4;
            const active = entry.briefs + entry.meetings + entry.lessons > 0;
            const bars = series.map((item, position) => {
              const barHeight = scale(entry[item.key]);
              return <rect key={item.key} x={x + position * barWidth} y={height - barHeight} width={barWidth - 2} height={barHeight} fill={item.colour} />;
            });
            // The numbers stay outside the link: its name is the year's summary, which they would not match.
            const counts = (
              <g aria-hidden="true" pointerEvents="none">
                {series.map((item, position) =>
                  entry[item.key] > 0 ? (
                    <text
                      key={item.key}
                      x={x + position * barWidth + (barWidth - 2) / 2}
                      y={height - scale(entry[item.key]) - 3}
                      textAnchor="middle"
                      fontSize="11"
                      fill="#222"
                    >
                      {entry[item.key]}
                    </text>
                  ) : null,
                )}
              </g>
            );
            const label = (
              <text
                x={x + (barWidth * 3) / 2}
                y={height + 18}
                textAnchor="middle"
                fontSize="12"
                fill="#222"
                fontWeight={selectedYear === entry.year ? 'bold' : undefined}
              >
                {entry.year}
              </text>
            );
            if (!active) return <g key={entry.year}>{label}</g>;
            const href = hrefOfYear(entry.year);
            return (
              <g key={entry.year}>
                <a
                  href={`/explore${href}`}
                  aria-label={yearSummary(entry)}
                  className="timeline-year"
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(href);
                  }}
                >
                  <title>{yearSummary(entry)}</title>
                  <rect
                    x={x - 4}
                    y={top - 8}
                    width={barWidth * 3 + 6}
                    height={height - top + 34}
                    fill={selectedYear === entry.year ? '#e8eefb' : 'transparent'}
                  />
                  {bars}
                  {label}
                </a>
                {counts}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="legend">
          {series.map((item) => (
            <li key={item.key}>
              <span className="swatch" style={{ background: item.colour }} aria-hidden="true" /> {item.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
