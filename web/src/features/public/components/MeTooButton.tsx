import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { toUserError } from '../../events/userError.js';
import { SUPPORT_ISSUE_MUTATION } from '../graphql/mutations/supportIssue.mutation.js';
import { hasSupported, rememberSupported } from '../supported.js';

interface MeTooButtonProps {
  issueId: string;
  /** Closed issues take no more support. */
  disabled?: boolean;
}

/**
 * "Me too": adds the resident's support. The new count comes back from the server and updates
 * the card through the cache; the browser remembers the issue so one person adds one.
 */
export function MeTooButton({ issueId, disabled = false }: MeTooButtonProps) {
  const [done, setDone] = useState(() => hasSupported(issueId));
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [support, { loading }] = useMutation(SUPPORT_ISSUE_MUTATION);

  const click = async () => {
    setMessage(null);
    setFailed(false);
    try {
      const { data } = await support({ variables: { id: issueId } });
      rememberSupported(issueId);
      setDone(true);
      const count = data?.supportIssue.supportersCount;
      setMessage(
        count != null
          ? `Thank you: ${count} ${count === 1 ? 'person supports' : 'people support'} this.`
          : 'Thank you.',
      );
    } catch (caught) {
      setFailed(true);
      setMessage(toUserError(caught).message);
    }
  };

  return (
    <span className="me-too">
      <button type="button" onClick={() => void click()} disabled={disabled || done || loading}>
        Me too
      </button>
      <span className={failed ? 'me-too__message field-error' : 'me-too__message'} role={failed ? 'alert' : 'status'}>
        {message ?? (done ? 'You support this.' : '')}
      </span>
    </span>
  );
}
