import type { ReactNode } from 'react';

/**
 * Always rendered, so screen readers announce what appears in it later: the result of a save,
 * a send or a sign-in, shown next to the control that started it.
 */
export const LiveRegion = ({ children, testId }: { children?: ReactNode; testId?: string }) => (
  <div aria-live="polite" aria-atomic="true" data-testid={testId}>
    {children}
  </div>
);
