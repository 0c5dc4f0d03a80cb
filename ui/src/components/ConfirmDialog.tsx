// A question with a few buttons (unsaved changes, delete).

import { Modal } from "./Modal";

export interface ConfirmAction {
  id: string;
  label: string;
  testId: string;
  onClick: () => void;
  primary?: boolean;
  danger?: boolean;
  /** Takes the focus when the dialog opens (else the first action does). */
  focus?: boolean;
}

interface Props {
  title: string;
  message: string;
  actions: ConfirmAction[];
  onCancel: () => void;
  busy?: boolean;
}

export function ConfirmDialog({ title, message, actions, onCancel, busy }: Props) {
  const focused = Math.max(0, actions.findIndex((a) => a.focus));
  return (
    <Modal
      title={title}
      onCancel={onCancel}
      testId="confirm-dialog"
      footer={actions.map((a, i) => (
        <button
          key={a.id}
          type="button"
          className={a.primary ? "btn btn-primary" : a.danger ? "btn btn-danger" : "btn"}
          data-testid={a.testId}
          data-autofocus={i === focused ? "" : undefined}
          disabled={busy}
          onClick={a.onClick}
        >
          {a.label}
        </button>
      ))}
    >
      <p className="confirm-message">{message}</p>
    </Modal>
  );
}
