interface BoardAlertProps {
  text: string;
  onDismiss: () => void;
}

/** Why a change was refused (a CONFLICT says who changed what first); stays until dismissed. */
export function BoardAlert({ text, onDismiss }: BoardAlertProps) {
  return (
    <div className="board-alert" role="alert">
      <p className="board-alert__text">{text}</p>
      <button type="button" className="button--quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
