import { graphql } from '../../../../graphql/generated/index.js';

/** The issue drawer: the issue in full, and the organizations it may be assigned to. */
export const BOARD_ISSUE_DRAWER_QUERY = graphql(`
  query BoardIssueDrawer($id: ID!) {
    issue(id: $id) {
      ...BoardIssueDetail
    }
    organizations {
      id
      name
    }
  }
`);
