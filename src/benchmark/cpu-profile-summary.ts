/**
 * Where a server's CPU time went, from a V8 CPU profile (`node --cpu-prof`): self time
 * grouped by package (node_modules/<package>), Node's own code, garbage collection,
 * native functions and Briefgraph's own folders, plus the functions with the most self
 * time. Idle time is left out, so the shares are of busy time.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  busyMilliseconds: number;
  byGroup: Array<{ group: string; share: number }>;
  topFunctions: Array<{ name: string; share: number }>;
}

/** The group a frame's self time counts towards. */
function groupOf(frame: ProfileNode['callFrame']): string {
  const { functionName, url } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 and native (unattributed)';
  if (!url) return `native: ${functionName || '(anonymous)'}`;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  if (url.startsWith('node:') || !url.includes('/')) return 'node core';
  const ownMatch = /\/dist\/src\/([^/]+)\//.exec(url) ?? /\/src\/([^/]+)\//.exec(url);
  if (ownMatch) return `briefgraph: src/${ownMatch[1]}`;
  return 'other';
}

function frameName(frame: ProfileNode['callFrame']): string {
  const file = frame.url ? frame.url.replace(/^.*\/(node_modules\/|dist\/)/, '$1').replace(/^file:\/\//, '') : '';
  return `${frame.functionName || '(anonymous)'}${file ? ` (${file}:${frame.lineNumber + 1})` : ''}`;
}

/** `skipMilliseconds`: leave out the samples of the process's first moments (start-up, warm-up). */
export function summariseCpuProfile(file: string, skipMilliseconds = 0, topCount = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  let elapsed = 0;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    if (elapsed < skipMilliseconds * 1000) return;
    selfTime.set(nodeId, (selfTime.get(nodeId) ?? 0) + delta);
  });
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [nodeId, microseconds] of selfTime) {
    const frame = nodes.get(nodeId)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    busy += microseconds;
    const group = groupOf(frame);
    groups.set(group, (groups.get(group) ?? 0) + microseconds);
    const name = frameName(frame);
    functions.set(name, (functions.get(name) ?? 0) + microseconds);
  }
  const ranked = (entries: Map<string, number>) =>
    [...entries].sort((a, b) => b[1] - a[1]).map(([name, microseconds]) => ({ name, share: microseconds / busy }));
  return {
    busyMilliseconds: busy / 1000,
    byGroup: ranked(groups).map(({ name, share }) => ({ group: name, share })),
    topFunctions: ranked(functions).slice(0, topCount),
  };
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

export function profileSummaryMarkdown(title: string, summary: ProfileSummary, groupCount = 14): string {
  const groups = summary.byGroup.slice(0, groupCount).map(({ group, share }) => `| ${group} | ${percent(share)} |`);
  const functions = summary.topFunctions.map(({ name, share }) => `| \`${name}\` | ${percent(share)} |`);
  return [
    `**${title}** (${(summary.busyMilliseconds / 1000).toFixed(1)} s busy)`,
    '',
    '| where | self time |',
    '|---|--:|',
    ...groups,
    '',
    '| function | self time |',
    '|---|--:|',
    ...functions,
  ].join('\n');
}
