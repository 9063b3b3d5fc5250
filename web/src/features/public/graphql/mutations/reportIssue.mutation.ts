import { graphql } from '../../../../graphql/generated/index.js';

/** A resident (or member) reports an issue; anonymous reports store no identity. */
export const REPORT_ISSUE_MUTATION = graphql(`
  mutation ReportIssue($input: ReportIssueInput!) {
    reportIssue(input: $input) {
      id
      title
      status
      category
      neighborhood {
        id
        name
      }
    }
  }
`);
