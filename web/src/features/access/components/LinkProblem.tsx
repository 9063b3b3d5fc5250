import { useId } from 'react';
import { Link } from 'react-router';
import { usePartnership } from '../../partnership/partnership.js';
import { linkMessage, type LinkPage, type LinkReason } from '../accessErrors.js';

interface LinkProblemProps {
  page: LinkPage;
  reason: LinkReason;
}

/** Why the link cannot be used and what to do instead; shown in place of the page's form. */
export function LinkProblem({ page, reason }: LinkProblemProps) {
  const id = useId();
  const { passwordResetByEmail } = usePartnership();
  const { title, body } = linkMessage(page, reason);
  return (
    <div className="form-error link-problem" role="alert" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p>{body}</p>
      {page === 'password' && passwordResetByEmail && reason !== 'LINK_USED' && (
        <p>
          <Link to="/forgot-password">Ask for a new link by email</Link>
        </p>
      )}
    </div>
  );
}
