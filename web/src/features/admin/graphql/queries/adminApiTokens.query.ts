import { graphql } from '../../../../graphql/generated/index.js';

/** Every API token (revoked ones too) and the organizations a new one may act as. */
export const ADMIN_API_TOKENS_QUERY = graphql(`
  query AdminApiTokens {
    apiTokens {
      ...AdminApiToken
    }
    organizations {
      id
      name
    }
  }
`);
