import { graphql } from '../../../../graphql/generated/index.js';

/** The choices of the board's filters, and the organizations an issue can be assigned to. */
export const BOARD_FILTER_OPTIONS_QUERY = graphql(`
  query BoardFilterOptions {
    neighborhoods {
      id
      name
    }
    organizations {
      id
      name
    }
  }
`);
