import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { humanizeEnum } from '../../../shared/humanize.js';
import type { ReportedIssue } from './ReportForm.js';

interface ReportConfirmationProps {
  issue: ReportedIssue;
  onReportAnother: () => void;
}

/** Shown after a report is received; takes focus so screen readers announce it. */
export function ReportConfirmation({ issue, onReportAnother }: ReportConfirmationProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="report-confirmation" role="status">
      <h3 ref={heading} tabIndex={-1}>
        Thank you: your report was received
      </h3>
      <dl className="report-confirmation__details">
        <div>
          <dt>Issue</dt>
          <dd>{issue.title}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{humanizeEnum(issue.status)}</dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{issue.neighborhood.name}</dd>
        </div>
      </dl>
      <p>
        Officers and partner organizations see it on their board now. Its status changes as they work on it, and
        neighbors can add their support.
      </p>
      <p className="report-confirmation__actions">
        <button type="button" onClick={onReportAnother}>
          Report another issue
        </button>{' '}
        <Link to="/">See community issues</Link>
      </p>
    </div>
  );
}
