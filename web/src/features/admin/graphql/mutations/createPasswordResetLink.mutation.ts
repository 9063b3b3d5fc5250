import { graphql } from '../../../../graphql/generated/index.js';

/** A one-time link for the member to set a new password (emailed too when SMTP is set). */
export const CREATE_PASSWORD_RESET_LINK_MUTATION = graphql(`
  mutation AdminCreatePasswordResetLink($memberId: ID!) {
    createPasswordResetLink(memberId: $memberId) {
      resetUrl
      emailed
    }
  }
`);
