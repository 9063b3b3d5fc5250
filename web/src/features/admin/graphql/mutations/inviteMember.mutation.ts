import { graphql } from '../../../../graphql/generated/index.js';

/** Invites someone: a one-time link to set their own password (emailed too when SMTP is set). */
export const INVITE_MEMBER_MUTATION = graphql(`
  mutation AdminInviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      inviteUrl
      emailed
      invitation {
        ...AdminInvitation
      }
    }
  }
`);
