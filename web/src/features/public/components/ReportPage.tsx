import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PUBLIC_NEIGHBORHOODS_QUERY } from '../graphql/queries/publicNeighborhoods.query.js';
import { ReportConfirmation } from './ReportConfirmation.js';
import { ReportForm, type ReportedIssue } from './ReportForm.js';
import '../../events/events.css';
import '../public.css';

/** /report — anyone reports an issue, no account needed. */
export function ReportPage() {
  const { data, loading, error, refetch } = useQuery(PUBLIC_NEIGHBORHOODS_QUERY);
  const [reported, setReported] = useState<ReportedIssue | null>(null);

  return (
    <section className="page report" aria-labelledby="report-title">
      <h2 id="report-title">Report an issue</h2>
      <p className="page__lead">
        Tell the police and the community organizations they work with about a problem in your neighborhood. No account
        needed, and you can stay anonymous.
      </p>
      {reported ? (
        <ReportConfirmation issue={reported} onReportAnother={() => setReported(null)} />
      ) : loading && !data ? (
        <p role="status">Loading the form…</p>
      ) : !data ? (
        <div className="form-error" role="alert">
          <p>The form could not be loaded: {error?.message ?? 'no answer from the server'}.</p>
          <button type="button" onClick={() => void refetch().catch(() => undefined)}>
            Try again
          </button>
        </div>
      ) : (
        <ReportForm neighborhoods={data.neighborhoods} onReported={setReported} />
      )}
    </section>
  );
}
