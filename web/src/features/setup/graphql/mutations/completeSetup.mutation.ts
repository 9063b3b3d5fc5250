import { graphql } from '../../../../graphql/generated/index.js';

/** First run: creates the partnership, the agency and the first coordinator, and signs them in. */
export const COMPLETE_SETUP_MUTATION = graphql(`
  mutation CompleteSetup($code: String!, $input: SetupInput!) {
    completeSetup(code: $code, input: $input) {
      token
      member {
        id
        role
      }
    }
  }
`);
