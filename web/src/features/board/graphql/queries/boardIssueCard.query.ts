import { graphql } from '../../../../graphql/generated/index.js';

/** One card as the server has it now: refetched after a refused (conflicting) change. */
export const BOARD_ISSUE_CARD_QUERY = graphql(`
  query BoardIssueCard($id: ID!) {
    issue(id: $id) {
      ...BoardIssue
    }
  }
`);
