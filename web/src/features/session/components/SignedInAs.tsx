import { useQuery } from '@apollo/client/react';
import { humanizeEnum } from '../../../shared/humanize.js';
import { VIEWER_QUERY } from '../graphql/queries/viewer.query.js';

interface SignedInAsProps {
  onSignOut: () => void;
}

/** Who is signed in, and the sign-out button. */
export function SignedInAs({ onSignOut }: SignedInAsProps) {
  const { data } = useQuery(VIEWER_QUERY);
  const viewer = data?.viewer;
  return (
    <div className="session">
      <p className="session__who">
        {viewer ? (
          <>
            Signed in as <strong>{viewer.name}</strong>{' '}
            <span className="session__role">
              ({humanizeEnum(viewer.role)}, {viewer.organization.name})
            </span>
          </>
        ) : (
          'Signed in'
        )}
      </p>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </div>
  );
}
