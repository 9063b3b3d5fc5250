import { useId } from 'react';
import { humanizeEnum } from '../../../shared/humanize.js';
import { ISSUE_STATUSES, type PublicIssueFilterValues } from '../issueFilterParams.js';
import { ISSUE_CATEGORIES } from '../reportForm.js';
import { FilterSelect } from '../../../shared/FilterSelect.js';

const CATEGORY_OPTIONS = ISSUE_CATEGORIES.map((c) => ({ value: c, label: humanizeEnum(c) }));
const STATUS_OPTIONS = ISSUE_STATUSES.map((s) => ({ value: s, label: humanizeEnum(s) }));

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
      <FilterSelect
        className="field"
        id={`${id}-neighborhood`}
        label="Neighborhood"
        value={values.neighborhoodId}
        allLabel="All neighborhoods"
        options={neighborhoods.map((n) => ({ value: n.id, label: n.name }))}
        onChange={(neighborhoodId) => onChange({ ...values, neighborhoodId })}
      />
      <FilterSelect
        className="field"
        id={`${id}-category`}
        label="Category"
        value={values.category}
        allLabel="All categories"
        options={CATEGORY_OPTIONS}
        onChange={(category) => onChange({ ...values, category: category as PublicIssueFilterValues['category'] })}
      />
      <FilterSelect
        className="field"
        id={`${id}-status`}
        label="Status"
        value={values.status}
        allLabel="Any status"
        options={STATUS_OPTIONS}
        onChange={(status) => onChange({ ...values, status: status as PublicIssueFilterValues['status'] })}
      />
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
