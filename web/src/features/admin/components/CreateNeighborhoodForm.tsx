import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { FormOutcome } from '../../board/components/FormOutcome.js';
import { toFormProblem, type FormProblem } from '../adminForm.js';
import { readFileText } from '../geojsonFile.js';
import { CREATE_NEIGHBORHOOD_MUTATION } from '../graphql/mutations/createNeighborhood.mutation.js';
import { ADMIN_NEIGHBORHOODS_QUERY } from '../graphql/queries/adminNeighborhoods.query.js';
import { AdminField } from './AdminField.js';

/** One neighborhood from a pasted (or loaded) GeoJSON Polygon, MultiPolygon or Feature. */
export function CreateNeighborhoodForm() {
  const id = useId();
  const [name, setName] = useState('');
  const [boundary, setBoundary] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CREATE_NEIGHBORHOOD_MUTATION, {
    refetchQueries: [{ query: ADMIN_NEIGHBORHOODS_QUERY }],
    awaitRefetchQueries: true,
  });

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      setBoundary(await readFileText(file));
    } catch {
      setProblem({ message: 'The file could not be read.', fields: {} });
    }
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone(null);
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Enter a name.';
    if (!boundary.trim()) local.boundary = 'Paste a GeoJSON Polygon or MultiPolygon, or load it from a file.';
    if (Object.keys(local).length > 0) {
      setProblem({ message: 'Some fields need a fix; see the messages next to them.', fields: local });
      return;
    }
    setProblem(null);
    try {
      const { data } = await create({ variables: { input: { name: name.trim(), boundary } } });
      if (data) {
        setDone(`${data.createNeighborhood.name} was added.`);
        setName('');
        setBoundary('');
      }
    } catch (caught) {
      setProblem(toFormProblem(caught, { name: 'Name', boundary: 'Shape' }));
    }
  };

  const fields = problem?.fields ?? {};
  return (
    <form className="admin-form admin-panel" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>Add one neighborhood</legend>
        <AdminField id={`${id}-name`} label="Name" error={fields.name}>
          {(p) => <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
        </AdminField>
        <AdminField
          id={`${id}-boundary`}
          label="Shape (GeoJSON)"
          error={fields.boundary}
          hint="A Polygon or MultiPolygon geometry, or a Feature holding one, in longitude–latitude (WGS84)."
        >
          {(p) => (
            <textarea
              {...p}
              rows={6}
              spellCheck={false}
              className="admin-form__code"
              value={boundary}
              onChange={(e) => setBoundary(e.target.value)}
            />
          )}
        </AdminField>
        <div className="field">
          <label htmlFor={`${id}-file`}>…or load the shape from a file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".geojson,.json,application/geo+json"
            onChange={(e) => void load(e)}
          />
        </div>
        <div className="admin-form__buttons">
          <button type="submit" disabled={loading}>
            {loading ? 'Adding…' : 'Add neighborhood'}
          </button>
        </div>
        <FormOutcome error={problem?.message ?? null} done={done} />
      </fieldset>
    </form>
  );
}
