import { AppError } from '../../domain/app-error';
import { isMicrosoftFailure, MicrosoftRequestError, NO_ANSWER } from '../ports/microsoft';

/*
 * What each kind of Microsoft failure means to the app, in one place: which ones a retry may
 * fix, which may have been carried out anyway, and the words people read about them.
 */

/** Microsoft refused this one request, but the same request may succeed later. */
export const isTransient = (error: MicrosoftRequestError): boolean =>
  error.kind === 'throttled' || error.kind === 'maybe-sent' || error.kind === 'unavailable';

/**
 * Whether a failed request may still have been carried out: the connection dropped before the
 * answer came, or a gateway gave up waiting for Teams.
 */
export const mayHaveBeenDone = (error: unknown): boolean => isMicrosoftFailure(error, 'maybe-sent');

/** Graph refused this for good (not throttling, not a token problem): the thing is gone, forbidden, or invalid. */
export const isRefusal = (error: unknown): error is MicrosoftRequestError =>
  isMicrosoftFailure(error, 'gone', 'forbidden', 'invalid');

/** What happened, for the delivery log: Teams' answer, or that none came. */
export const deliveryFailureReason = (error: MicrosoftRequestError, ownerName: string): string => {
  if (error.code === NO_ANSWER) return 'The connection to Microsoft Teams dropped before it answered';
  const base = `Microsoft Teams answered ${error.status} (${error.code})`;
  if (error.kind === 'forbidden' || error.kind === 'gone')
    return `${base}: ${ownerName} may no longer be a member of this channel or chat, or the permission is missing.`;
  return base;
};

/** What the person was doing when Microsoft failed: it decides what they are told to do next. */
export type MicrosoftStep = 'sign-in' | 'listing' | 'sharing';

/** The one translation of a Microsoft failure into what the person sees. */
export const microsoftAppError = (error: MicrosoftRequestError, step: MicrosoftStep): AppError => {
  const answered = `Microsoft Teams answered ${error.status} (${error.code})`;
  switch (step) {
    case 'sign-in':
      return new AppError(
        'microsoft_error',
        `Microsoft refused the sign-in (${error.code}). Select Log in to Microsoft Teams to try again.`,
      );
    case 'listing':
      return new AppError('microsoft_error', `${answered}. Try again in a moment.`);
    case 'sharing':
      return new AppError('microsoft_error', `${answered}; nothing was shared. Try again in a moment.`);
  }
};

/** Runs `call`; a Microsoft failure becomes microsoftAppError's answer, anything else passes through. */
export const withMicrosoftFailures = async <T>(step: MicrosoftStep, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw error instanceof MicrosoftRequestError ? microsoftAppError(error, step) : error;
  }
};
