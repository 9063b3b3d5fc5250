import { graphql } from '../../../../graphql/generated/index.js';

/** Saves the partnership's settings; only the fields given change. */
export const UPDATE_PARTNERSHIP_SETTINGS_MUTATION = graphql(`
  mutation AdminUpdatePartnershipSettings($input: PartnershipSettingsInput!) {
    updatePartnershipSettings(input: $input) {
      ...AdminPartnership
    }
  }
`);
