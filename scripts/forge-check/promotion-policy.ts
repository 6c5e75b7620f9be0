import path from 'node:path';

import type { ForgeProblem } from './forge-problem';

/** A finding as the Forge libraries hand it over, before this project's policy is applied. */
export interface RawFinding {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  level: 'error' | 'warning';
  message: string;
  reference: string;
  metadata?: Record<string, unknown> | undefined;
}

interface Promotion {
  applies: (finding: RawFinding) => boolean;
  why: string;
}

/**
 * Warnings that `forge lint` only reports but that this project treats as errors: a deployed app
 * would break, or PLATFORM-FACTS rules the form out.
 */
const PROMOTIONS: readonly Promotion[] = [
  {
    // The handler linter's "Cannot find exported function", reported against the source file (the
    // manifest validators use the same reference for unrelated warnings, e.g. unused Rovo actions).
    applies: (finding) =>
      finding.reference === 'valid-module-required' && path.basename(finding.file) !== 'manifest.yml',
    why: 'the function would fail on every invocation',
  },
  {
    // String-form egress entries are deprecated; PLATFORM-FACTS requires the `- address:` object form.
    applies: (finding) => finding.metadata?.['hasDeprecatedEgressPermissions'] === true,
    why: 'list every host in object form (`- address: https://host`)',
  },
];

/** Applies the project's promotions and returns the finding in the shape the check prints. */
export const toForgeProblem = (finding: RawFinding): ForgeProblem => {
  const promotion =
    finding.level === 'warning' ? PROMOTIONS.find((candidate) => candidate.applies(finding)) : undefined;
  return {
    file: finding.file,
    line: finding.line ?? 0,
    column: finding.column ?? 0,
    level: promotion ? 'error' : finding.level,
    message: promotion ? `${finding.message} [error in this project: ${promotion.why}]` : finding.message,
    reference: finding.reference,
  };
};
