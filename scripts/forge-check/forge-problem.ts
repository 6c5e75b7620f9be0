import path from 'node:path';

/** One finding of the offline Forge check, in the shape `forge lint` reports. */
export interface ForgeProblem {
  /** Path of the file the problem is in, relative to the manifest's folder (as the Forge libraries give it). */
  file: string;
  /** 1-based line, or 0 when the library knows no position (handler exports, for example). */
  line: number;
  column: number;
  level: 'error' | 'warning';
  message: string;
  /** The Forge rule reference, e.g. `valid-module-required`. */
  reference: string;
}

/** True when at least one problem must fail the check. */
export const hasErrors = (problems: readonly ForgeProblem[]): boolean =>
  problems.some((problem) => problem.level === 'error');

/**
 * Formats a problem as `file:line:col level message (reference)`. The file is shown relative to
 * `cwd` when it lies below it, so that editors and terminals can open it; otherwise absolute.
 */
export const formatProblem = (problem: ForgeProblem, appDir: string, cwd: string): string => {
  const absolute = path.resolve(appDir, problem.file);
  const relative = path.relative(cwd, absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return `${shown}:${problem.line}:${problem.column} ${problem.level} ${problem.message} (${problem.reference})`;
};

/** Drops exact repeats: several Forge linters run the same manifest validators and report the same finding. */
export const uniqueProblems = (problems: readonly ForgeProblem[]): ForgeProblem[] => {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = [problem.file, problem.line, problem.column, problem.level, problem.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
