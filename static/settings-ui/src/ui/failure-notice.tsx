import type { ResolverFailure } from '../api/resolver-client';
import { unplacedErrors } from './fields';
import { Notice } from './notice';

/**
 * A refused save: the server's message, and what it said about fields that no control on the
 * form shows (the others appear next to their field), so nothing the server said is lost.
 */
export const FailureNotice = ({
  failure,
  title,
  placed,
  level = 'h3',
}: {
  failure: ResolverFailure;
  title: string;
  /** The field paths the form shows next to a control. */
  placed: readonly string[];
  level?: 'h3' | 'h4';
}) => {
  const unplaced = unplacedErrors(failure.fieldErrors, placed);
  return (
    <Notice appearance="error" title={title} level={level}>
      <p>{failure.message}</p>
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
};
