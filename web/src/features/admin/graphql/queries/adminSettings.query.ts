import { graphql } from '../../../../graphql/generated/index.js';

/** The settings form's current values. */
export const ADMIN_SETTINGS_QUERY = graphql(`
  query AdminSettings {
    partnership {
      ...AdminPartnership
    }
  }
`);
