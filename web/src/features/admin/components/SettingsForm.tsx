import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { FormOutcome } from '../../board/components/FormOutcome.js';
import { toFormProblem } from '../adminForm.js';
import { UPDATE_PARTNERSHIP_SETTINGS_MUTATION } from '../graphql/mutations/updatePartnershipSettings.mutation.js';
import { ADMIN_SETTINGS_QUERY } from '../graphql/queries/adminSettings.query.js';
import {
  LANGUAGES,
  checkSettings,
  settingsFieldErrors,
  timeZoneOptions,
  toSettingsInput,
  type SettingsValues,
} from '../settingsForm.js';
import { AdminField } from './AdminField.js';

/** Edits every setting at once; errors appear next to the field the server names. */
export function SettingsForm({ initial }: { initial: SettingsValues }) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneOptions(initial.timeZone), [initial.timeZone]);
  const [save, { loading }] = useMutation(UPDATE_PARTNERSHIP_SETTINGS_MUTATION, {
    // Partnership has no id: put the answer where the settings query reads it.
    update: (cache, { data }) => {
      if (data)
        cache.writeQuery({ query: ADMIN_SETTINGS_QUERY, data: { partnership: data.updatePartnershipSettings } });
    },
  });

  const set = (key: keyof SettingsValues, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    setDone(null);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone(null);
    const problems = checkSettings(values);
    setFields(problems);
    if (Object.keys(problems).length > 0) {
      setError('Some settings need a fix; see the messages next to them.');
      return;
    }
    setError(null);
    try {
      await save({ variables: { input: toSettingsInput(values) } });
      setDone('Settings saved.');
    } catch (caught) {
      const problem = toFormProblem(caught);
      const byField = settingsFieldErrors(problem.fields);
      setFields(byField);
      setError(Object.keys(byField).length > 0 ? Object.values(byField).join(' ') : problem.message);
    }
  };

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>The partnership</legend>
        <AdminField id={`${id}-name`} label="Partnership name" error={fields.name}>
          {(p) => <input {...p} type="text" value={values.name} onChange={(e) => set('name', e.target.value)} />}
        </AdminField>
        <div className="field-row">
          <AdminField
            id={`${id}-timeZone`}
            label="Time zone"
            error={fields.timeZone}
            hint="Every date on the board is shown in it."
          >
            {(p) => (
              <select {...p} value={values.timeZone} onChange={(e) => set('timeZone', e.target.value)}>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
          <AdminField id={`${id}-language`} label="Default language" error={fields.language}>
            {(p) => (
              <select {...p} value={values.language} onChange={(e) => set('language', e.target.value)}>
                {LANGUAGES.map((language) => (
                  <option key={language.value} value={language.value}>
                    {language.label}
                  </option>
                ))}
              </select>
            )}
          </AdminField>
        </div>
      </fieldset>
      <fieldset>
        <legend>Map</legend>
        <p className="field-hint">Leave the centre and zoom empty to fit the map to the neighborhoods.</p>
        <div className="field-row">
          <AdminField id={`${id}-lat`} label="Centre latitude" error={fields.lat}>
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="decimal"
                value={values.lat}
                onChange={(e) => set('lat', e.target.value)}
              />
            )}
          </AdminField>
          <AdminField id={`${id}-lng`} label="Centre longitude" error={fields.lng}>
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="decimal"
                value={values.lng}
                onChange={(e) => set('lng', e.target.value)}
              />
            )}
          </AdminField>
          <AdminField id={`${id}-zoom`} label="Zoom" error={fields.zoom}>
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="numeric"
                value={values.zoom}
                onChange={(e) => set('zoom', e.target.value)}
              />
            )}
          </AdminField>
        </div>
        <AdminField
          id={`${id}-tileUrl`}
          label="Base map tile URL (optional)"
          error={fields.tileUrl}
          hint="An XYZ template such as https://tiles.example.org/{z}/{x}/{y}.png. Empty: no base map, the neighborhoods are drawn from their own shapes."
        >
          {(p) => (
            <input
              {...p}
              type="url"
              value={values.tileUrl}
              onChange={(e) => set('tileUrl', e.target.value)}
              spellCheck={false}
            />
          )}
        </AdminField>
      </fieldset>
      <fieldset>
        <legend>Public page</legend>
        <AdminField
          id={`${id}-welcomeText`}
          label="Welcome text (optional)"
          error={fields.welcomeText}
          hint="Shown to residents at the top of the public page."
        >
          {(p) => (
            <textarea {...p} rows={4} value={values.welcomeText} onChange={(e) => set('welcomeText', e.target.value)} />
          )}
        </AdminField>
      </fieldset>
      <div className="admin-form__buttons">
        <button type="submit" disabled={loading}>
          {loading ? 'Saving…' : 'Save settings'}
        </button>
      </div>
      <FormOutcome error={error} done={done} />
    </form>
  );
}
