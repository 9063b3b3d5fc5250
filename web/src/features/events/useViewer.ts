import { useQuery } from '@apollo/client/react';
import type { ViewerQuery } from '../../graphql/generated/graphql.js';
import { VIEWER_QUERY } from '../session/graphql/queries/viewer.query.js';

export type Viewer = NonNullable<ViewerQuery['viewer']>;

/**
 * The signed-in member, or null for a resident. Shares the cached Viewer query with the header,
 * so it costs no extra request. `loading` is true until that is known.
 */
export function useViewer(): { viewer: Viewer | null; loading: boolean } {
  const { data, loading } = useQuery(VIEWER_QUERY);
  return { viewer: data?.viewer ?? null, loading: loading && !data };
}
