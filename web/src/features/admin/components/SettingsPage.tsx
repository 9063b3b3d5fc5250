import { useQuery } from '@apollo/client/react';
import { ADMIN_SETTINGS_QUERY } from '../graphql/queries/adminSettings.query.js';
import { settingsValues } from '../settingsForm.js';
import { SettingsForm } from './SettingsForm.js';

/** /admin/settings: the partnership's name, time zone, language, map and welcome text. */
export function SettingsPage() {
  const { data, loading, error } = useQuery(ADMIN_SETTINGS_QUERY);
  return (
    <section aria-labelledby="admin-settings-title">
      <h3 id="admin-settings-title">Settings</h3>
      {loading && !data ? (
        <p role="status">Loading the settings…</p>
      ) : !data ? (
        <p className="form-error" role="alert">
          The settings could not be loaded: {error?.message}
        </p>
      ) : (
        <SettingsForm initial={settingsValues(data.partnership)} />
      )}
    </section>
  );
}
