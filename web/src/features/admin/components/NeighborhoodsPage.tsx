import { useQuery } from '@apollo/client/react';
import { ADMIN_NEIGHBORHOODS_QUERY } from '../graphql/queries/adminNeighborhoods.query.js';
import { CreateNeighborhoodForm } from './CreateNeighborhoodForm.js';
import { ImportNeighborhoodsForm } from './ImportNeighborhoodsForm.js';
import { NeighborhoodRow } from './NeighborhoodRow.js';
import { NeighborhoodShapesMap } from './NeighborhoodShapesMap.js';

/** /admin/neighborhoods: the map of every shape, the list, one-by-one creation and the import. */
export function NeighborhoodsPage() {
  const { data, loading, error } = useQuery(ADMIN_NEIGHBORHOODS_QUERY);

  return (
    <section aria-labelledby="admin-neighborhoods-title">
      <h3 id="admin-neighborhoods-title">Neighborhoods</h3>
      {loading && !data ? (
        <p role="status">Loading the neighborhoods…</p>
      ) : !data ? (
        <p className="form-error" role="alert">
          The neighborhoods could not be loaded: {error?.message}
        </p>
      ) : (
        <>
          <NeighborhoodShapesMap neighborhoods={data.neighborhoods} />
          {data.neighborhoods.length === 0 ? (
            <p>No neighborhoods yet. Import the city’s map below.</p>
          ) : (
            <table className="admin-table">
              <caption className="visually-hidden">Neighborhoods</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.neighborhoods.map((n) => (
                  <NeighborhoodRow key={n.id} neighborhood={n} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <ImportNeighborhoodsForm />
      <CreateNeighborhoodForm />
    </section>
  );
}
