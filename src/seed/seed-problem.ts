/**
 * A problem found in seed documents (or while writing them): where it is, down to the
 * record and field, and what is wrong; and the error that carries every problem found.
 */
export interface SeedProblem {
  file: string;
  line?: number;
  record?: string;
  field?: string;
  message: string;
}

export function formatSeedProblem(problem: SeedProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const parts = [where, problem.record, problem.field ? `field "${problem.field}"` : undefined].filter(Boolean);
  return `${parts.join(': ')}: ${problem.message}`;
}

// The message lists this many problems; `problems` always holds them all.
const maximumProblemsInMessage = 1000;

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    const shown = problems.slice(0, maximumProblemsInMessage);
    const hidden = problems.length - shown.length;
    super(
      `the seed data has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        shown.map((problem) => `  - ${formatSeedProblem(problem)}`).join('\n') +
        (hidden > 0 ? `\n  … and ${hidden} more` : ''),
    );
    this.name = 'SeedValidationError';
  }
}
