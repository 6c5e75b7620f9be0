import { Modal } from '@forge/bridge';
import type { ResolverApi } from '../../../../src/contracts/resolver-api';

/**
 * What a confirmation may do. The dialog runs the action itself, so a refusal shows where the
 * person is looking, and only its answer comes back to the page that asked.
 */
export type ConfirmAction =
  | { key: 'connection/disconnect'; input: Record<string, never> }
  | { key: 'rules/delete'; input: { id: string } };

export interface ConfirmRequest<A extends ConfirmAction = ConfirmAction> {
  title: string;
  text: string;
  /** What the person loses, shown as a warning under the text. */
  warning?: string;
  confirmLabel: string;
  /** The dialog's test id; its buttons are `${testId}-confirm` and `${testId}-cancel`. */
  testId: string;
  action: A;
}

/** What the dialog gives view.close(): the action's answer once it succeeded. */
interface ConfirmClosed {
  done: true;
  result: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The context a confirmation modal gets under `extension.modal`. */
export const asConfirmRequest = (modal: unknown): ConfirmRequest | undefined => {
  if (!isRecord(modal) || modal.kind !== 'confirm' || !isRecord(modal.action)) return undefined;
  return modal as unknown as ConfirmRequest;
};

/**
 * Asks in a Forge modal over the whole Confluence page (@forge/bridge `Modal`, this resource again
 * with the request as its context), not in a dialog that would dim only the app's own frame.
 * Resolves with the action's answer, or null when the person cancelled or closed the dialog.
 */
export const confirmInModal = <A extends ConfirmAction>(
  request: ConfirmRequest<A>,
): Promise<ResolverApi[A['key']]['output'] | null> =>
  new Promise((resolve, reject) => {
    const modal = new Modal({
      size: 'small',
      context: { kind: 'confirm', ...request },
      onClose: (payload: unknown) => {
        const closed = payload as Partial<ConfirmClosed> | undefined;
        resolve(closed?.done === true ? (closed.result as ResolverApi[A['key']]['output']) : null);
      },
    });
    modal.open().catch(reject);
  });
