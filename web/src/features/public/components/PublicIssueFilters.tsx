import { useId } from 'react';
import { humanizeEnum } from '../../../shared/humanize.js';
import { ISSUE_STATUSES, type PublicIssueFilterValues } from '../issueFilterParams.js';
import { ISSUE_CATEGORIES } from '../reportForm.js';

interface PublicIssueFiltersProps {
  neighborhoods: readonly { id: string; name: string }[];
  values: PublicIssueFilterValues;
  onChange: (values: PublicIssueFilterValues) => void;
}

/** Narrow the public list by neighborhood, category and status. Changes apply at once. */
export function PublicIssueFilters({ neighborhoods, values, onChange }: PublicIssueFiltersProps) {
  const id = useId();
  const filtered = values.neighborhoodId || values.category || values.status;
  return (
    <form className="issue-filters" role="search" aria-label="Filter issues" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-neighborhood`}>Neighborhood</label>
        <select
          id={`${id}-neighborhood`}
          value={values.neighborhoodId}
          onChange={(e) => onChange({ ...values, neighborhoodId: e.target.value })}
        >
          <option value="">All neighborhoods</option>
          {neighborhoods.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select
          id={`${id}-category`}
          value={values.category}
          onChange={(e) => onChange({ ...values, category: e.target.value as PublicIssueFilterValues['category'] })}
        >
          <option value="">All categories</option>
          {ISSUE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {humanizeEnum(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={values.status}
          onChange={(e) => onChange({ ...values, status: e.target.value as PublicIssueFilterValues['status'] })}
        >
          <option value="">Any status</option>
          {ISSUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {humanizeEnum(s)}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <button
          type="button"
          className="button--secondary"
          onClick={() => onChange({ neighborhoodId: '', category: '', status: '' })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
