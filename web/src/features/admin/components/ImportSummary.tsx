import type { AdminImportNeighborhoodsMutation } from '../../../graphql/generated/graphql.js';

type Result = AdminImportNeighborhoodsMutation['importNeighborhoods'];

/** What an import did, by outcome, and every feature it refused with the reason. */
export function ImportSummary({ result }: { result: Result }) {
  const groups: { label: string; names: string[] }[] = [
    { label: 'Created', names: result.created.map((n) => n.name) },
    { label: 'Updated', names: result.updated.map((n) => n.name) },
    { label: 'Unchanged', names: result.unchanged.map((n) => n.name) },
    { label: 'Retired', names: result.retired.map((n) => n.name) },
    { label: 'Deleted', names: [...result.deleted] },
  ];
  const errors = result.errors.length;
  return (
    <section className="import-summary" aria-labelledby="import-summary-title">
      <h4 id="import-summary-title" role="status">
        {errors === 0
          ? 'Import finished.'
          : `Import finished; ${errors} feature${errors === 1 ? ' was' : 's were'} refused and the others imported.`}
      </h4>
      <dl className="import-summary__counts">
        {groups.map((group) => (
          <div key={group.label}>
            <dt>{group.label}</dt>
            <dd>
              {group.names.length}
              {group.names.length > 0 && `: ${group.names.join(', ')}`}
            </dd>
          </div>
        ))}
      </dl>
      {errors > 0 && (
        <div className="import-summary__errors" role="alert">
          <h5>Refused features</h5>
          <ul>
            {result.errors.map((error) => (
              <li key={error.index}>
                <strong>
                  Feature {error.index}
                  {error.name ? ` (“${error.name}”)` : ' (no name)'}
                </strong>
                : {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
