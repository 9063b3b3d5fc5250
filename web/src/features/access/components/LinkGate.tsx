import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LinkPage } from '../accessErrors.js';
import { LINK_PAGE_PATH, type AccessLinkInfo, type CheckedLink } from '../useCheckedLink.js';
import { LinkProblem } from './LinkProblem.js';

interface LinkGateProps {
  page: LinkPage;
  link: CheckedLink;
  /** What to say when the address has no code at all. */
  missing: ReactNode;
  /** The page's form, once the link is known to be usable. */
  children: (code: string, info: AccessLinkInfo) => ReactNode;
}

/** Shows the form of a link page only for a usable link of its kind, and says why otherwise. */
export function LinkGate({ page, link, missing, children }: LinkGateProps) {
  switch (link.status) {
    case 'missing':
      return <div className="link-missing">{missing}</div>;
    case 'loading':
      return <p role="status">Checking the link…</p>;
    case 'refused':
      return <LinkProblem page={page} reason={link.reason} />;
    case 'other-kind':
      return (
        <div className="form-error" role="alert">
          <p>This link is not for this page.</p>
          <Link to={`${LINK_PAGE_PATH[link.kind]}?code=${encodeURIComponent(link.code)}`}>
            Open it where it belongs
          </Link>
        </div>
      );
    case 'unreachable':
      return (
        <div className="form-error" role="alert">
          <p>The link could not be checked: {link.message}</p>
          <button type="button" onClick={link.retry}>
            Try again
          </button>
        </div>
      );
    case 'ready':
      return <>{children(link.code, link.info)}</>;
  }
}
