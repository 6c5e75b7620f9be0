import Button from '@atlaskit/button/new';
import ModalDialog, {
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
} from '@atlaskit/modal-dialog';
import { useState, type ReactNode } from 'react';
import type { ResolverFailure } from '../api/resolver-client';
import { asFailure } from '../api/resolver-client';
import { LiveRegion } from './live-region';
import { ErrorNotice } from './notice';

interface ConfirmModalProps {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; the modal closes when it succeeds and shows the error when it does not. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  testId: string;
}

/** A destructive action asked once more, in words that say what will happen. */
export const ConfirmModal = ({
  isOpen,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  testId,
}: ConfirmModalProps) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverFailure | undefined>(undefined);
  const close = () => {
    setError(undefined);
    onCancel();
  };
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (failure) {
      setError(asFailure(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ModalTransition>
      {isOpen && (
        <ModalDialog onClose={close} width="small" testId={testId}>
          <ModalHeader>
            <ModalTitle appearance="danger">{title}</ModalTitle>
          </ModalHeader>
          <ModalBody>
            {children}
            <LiveRegion>
              {error && <ErrorNotice error={error} level="h2" title="That didn't work" />}
            </LiveRegion>
          </ModalBody>
          <ModalFooter>
            <Button appearance="subtle" onClick={close} testId={`${testId}-cancel`}>
              Cancel
            </Button>
            <Button
              appearance="danger"
              isLoading={busy}
              onClick={() => void confirm()}
              testId={`${testId}-confirm`}
            >
              {confirmLabel}
            </Button>
          </ModalFooter>
        </ModalDialog>
      )}
    </ModalTransition>
  );
};
