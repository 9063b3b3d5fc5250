import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { AdminImportNeighborhoodsMutation } from '../../../graphql/generated/graphql.js';
import { FormOutcome } from '../../board/components/FormOutcome.js';
import { controlProps, toFormProblem, type FormProblem } from '../adminForm.js';
import { defaultNameProperty, readFileText, summarizeFeatureCollection } from '../geojsonFile.js';
import { IMPORT_NEIGHBORHOODS_MUTATION } from '../graphql/mutations/importNeighborhoods.mutation.js';
import { ADMIN_NEIGHBORHOODS_QUERY } from '../graphql/queries/adminNeighborhoods.query.js';
import { AdminField } from './AdminField.js';
import { ImportSummary } from './ImportSummary.js';

interface Chosen {
  fileName: string;
  text: string;
  features: number;
  properties: string[];
}

/**
 * The city's own map: a GeoJSON FeatureCollection file, the property holding each
 * neighborhood's name (chosen from those in the file), and whether neighborhoods missing from
 * it go. Re-importing the same file changes nothing; a changed shape updates its neighborhood.
 */
export function ImportNeighborhoodsForm() {
  const id = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [nameProperty, setNameProperty] = useState('name');
  const [retireMissing, setRetireMissing] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [result, setResult] = useState<AdminImportNeighborhoodsMutation['importNeighborhoods'] | null>(null);
  const [importNeighborhoods, { loading }] = useMutation(IMPORT_NEIGHBORHOODS_MUTATION, {
    refetchQueries: [{ query: ADMIN_NEIGHBORHOODS_QUERY }],
    awaitRefetchQueries: true,
  });

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setChosen(null);
    setProblem(null);
    setResult(null);
    setFileError(undefined);
    if (!file) return;
    try {
      const text = await readFileText(file);
      const summary = summarizeFeatureCollection(text);
      if ('error' in summary) {
        setFileError(summary.error);
        return;
      }
      setChosen({ fileName: file.name, text, ...summary });
      setNameProperty(defaultNameProperty(summary.properties));
    } catch {
      setFileError('The file could not be read. Choose it again.');
    }
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!chosen) {
      setFileError(fileError ?? 'Choose a GeoJSON file first.');
      return;
    }
    setProblem(null);
    setResult(null);
    try {
      const { data } = await importNeighborhoods({
        variables: { geojson: chosen.text, nameProperty, retireMissing },
      });
      if (data) setResult(data.importNeighborhoods);
    } catch (caught) {
      setProblem(toFormProblem(caught, { geojson: 'The file', nameProperty: 'Name property' }));
    }
  };

  const fields = problem?.fields ?? {};
  const fileMessage = fileError ?? fields.geojson;
  const properties = chosen && chosen.properties.length > 0 ? chosen.properties : ['name'];
  return (
    <div className="admin-panel">
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>Import from a GeoJSON file</legend>
          <p className="field-hint">
            A FeatureCollection of Polygons and MultiPolygons, as cities publish their neighborhoods, beats or
            districts. Neighborhoods are matched by name: new names are added, changed shapes updated.
          </p>
          <div className="field">
            <label htmlFor={`${id}-file`}>GeoJSON file</label>
            <input
              {...controlProps(`${id}-file`, fileMessage, Boolean(chosen))}
              type="file"
              accept=".geojson,.json,application/geo+json"
              onChange={(e) => void choose(e)}
            />
            {chosen && (
              <p id={`${id}-file-hint`} className="field-hint">
                {chosen.fileName}: {chosen.features} feature{chosen.features === 1 ? '' : 's'}.
              </p>
            )}
            {fileMessage && (
              <p id={`${id}-file-error`} className="field-error">
                {fileMessage}
              </p>
            )}
          </div>
          <AdminField
            id={`${id}-nameProperty`}
            label="Name property"
            error={fields.nameProperty}
            hint="The property of each feature that holds the neighborhood’s name."
          >
            {(p) => (
              <select {...p} value={nameProperty} disabled={!chosen} onChange={(e) => setNameProperty(e.target.value)}>
                {properties.map((property) => (
                  <option key={property} value={property}>
                    {property}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
          <div className="field field--check">
            <input
              id={`${id}-retireMissing`}
              type="checkbox"
              checked={retireMissing}
              aria-describedby={`${id}-retireMissing-hint`}
              onChange={(e) => setRetireMissing(e.target.checked)}
            />
            <label htmlFor={`${id}-retireMissing`}>Retire neighborhoods missing from the file</label>
          </div>
          <p id={`${id}-retireMissing-hint`} className="field-hint">
            Those with issues or events are retired and keep them; those never used are deleted.
          </p>
          <div className="admin-form__buttons">
            <button type="submit" disabled={loading}>
              {loading ? 'Importing…' : 'Import'}
            </button>
          </div>
          <FormOutcome error={problem?.message ?? null} done={null} />
        </fieldset>
      </form>
      {result && <ImportSummary result={result} />}
    </div>
  );
}
