import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import type { IssueFilter } from '../../../graphql/generated/graphql.js';
import { useNow } from '../../activity/useNow.js';
import { PUBLIC_ISSUES_QUERY } from '../graphql/queries/publicIssues.query.js';
import { PUBLIC_NEIGHBORHOODS_QUERY } from '../graphql/queries/publicNeighborhoods.query.js';
import { readIssueFilters, writeIssueFilters } from '../issueFilterParams.js';
import { PublicIssueCard } from './PublicIssueCard.js';
import { PublicIssueFilters } from './PublicIssueFilters.js';

const PAGE_SIZE = 10;

/** Public issues, newest first, filtered from the URL (`?neighborhood=…&category=…&status=…`). */
export function PublicIssues() {
  const [params, setParams] = useSearchParams();
  const values = readIssueFilters(params);
  const filter: IssueFilter = {
    neighborhoodId: values.neighborhoodId || null,
    category: values.category || null,
    status: values.status ? [values.status] : null,
  };
  const neighborhoods = useQuery(PUBLIC_NEIGHBORHOODS_QUERY);
  const { data, loading, error, fetchMore, refetch } = useQuery(PUBLIC_ISSUES_QUERY, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const now = useNow(60_000);

  const issues = data?.issues.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.issues.pageInfo;
  const loadMore = async () => {
    if (!pageInfo?.hasNextPage) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { filter, first: PAGE_SIZE, after: pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          issues: {
            ...fetchMoreResult.issues,
            edges: [...(previous.issues?.edges ?? []), ...fetchMoreResult.issues.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  let body;
  if (loading && !data) {
    body = (
      <p className="public__message" role="status">
        Loading community issues…
      </p>
    );
  } else if (error && !data) {
    body = (
      <div className="public__message public__message--error" role="alert">
        <p>Issues could not be loaded: {error.message}</p>
        <button type="button" onClick={() => void refetch().catch(() => undefined)}>
          Try again
        </button>
      </div>
    );
  } else if (issues.length === 0) {
    body = (
      <p className="public__message">
        No issues match these filters. Clear a filter to see more, or report what you have seen.
      </p>
    );
  } else {
    body = (
      <>
        <p className="public__count" aria-live="polite">
          Showing {issues.length} of {data?.issues.totalCount ?? issues.length}
        </p>
        <ul className="public-issue-list">
          {issues.map((issue) => (
            <li key={issue.id}>
              <PublicIssueCard issue={issue} now={now} />
            </li>
          ))}
        </ul>
        {pageInfo?.hasNextPage && (
          <button type="button" className="load-more" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
      </>
    );
  }

  return (
    <section className="public__issues" aria-labelledby="public-issues-title">
      <h3 id="public-issues-title">Community issues</h3>
      <PublicIssueFilters
        neighborhoods={neighborhoods.data?.neighborhoods ?? []}
        values={values}
        onChange={(next) => setParams((current) => writeIssueFilters(current, next), { replace: true })}
      />
      {body}
    </section>
  );
}
