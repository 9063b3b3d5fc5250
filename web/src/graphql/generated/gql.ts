/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AcceptInvitation($code: String!, $password: String!, $name: String) {\n    acceptInvitation(code: $code, password: $password, name: $name) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($code: String!, $password: String!) {\n    resetPassword(code: $code, password: $password) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query AccessLink($code: String!) {\n    accessLink(code: $code) {\n      kind\n      email\n      name\n      role\n      organizationName\n      expiresAt\n    }\n  }\n": typeof types.AccessLinkDocument,
    "\n  fragment ActivityEntry on Activity {\n    id\n    seq\n    at\n    kind\n    summary\n    actor {\n      id\n      name\n    }\n    actorOrganization {\n      id\n      name\n    }\n    issue {\n      id\n      title\n    }\n    event {\n      id\n      title\n    }\n  }\n": typeof types.ActivityEntryFragmentDoc,
    "\n  query ActivityFeed($first: Int!) {\n    latestSeq\n    activities(first: $first) {\n      ...ActivityEntry\n    }\n  }\n": typeof types.ActivityFeedDocument,
    "\n  query OlderActivity($before: Int!, $first: Int!) {\n    activities(before: $before, first: $first) {\n      ...ActivityEntry\n    }\n  }\n": typeof types.OlderActivityDocument,
    "\n  subscription ActivityFeedLive($after: Int) {\n    activity(after: $after) {\n      ...ActivityEntry\n    }\n  }\n": typeof types.ActivityFeedLiveDocument,
    "\n  fragment AdminApiToken on ApiToken {\n    id\n    name\n    hint\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n    organization {\n      id\n      name\n    }\n    createdBy {\n      id\n      name\n    }\n  }\n": typeof types.AdminApiTokenFragmentDoc,
    "\n  fragment AdminInvitation on Invitation {\n    id\n    email\n    name\n    role\n    status\n    createdAt\n    expiresAt\n    acceptedAt\n    organization {\n      id\n      name\n    }\n    invitedBy {\n      id\n      name\n    }\n  }\n": typeof types.AdminInvitationFragmentDoc,
    "\n  fragment AdminMember on Member {\n    id\n    name\n    email\n    role\n    active\n    deactivatedAt\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.AdminMemberFragmentDoc,
    "\n  fragment AdminNeighborhood on Neighborhood {\n    id\n    name\n    boundary\n    centerLat\n    centerLng\n    retired\n    retiredAt\n  }\n": typeof types.AdminNeighborhoodFragmentDoc,
    "\n  fragment AdminOrganization on Organization {\n    id\n    name\n    kind\n    neighborhoods {\n      id\n      name\n    }\n  }\n": typeof types.AdminOrganizationFragmentDoc,
    "\n  fragment AdminPartnership on Partnership {\n    name\n    timeZone\n    language\n    mapCenter {\n      lat\n      lng\n    }\n    mapZoom\n    tileUrl\n    welcomeText\n  }\n": typeof types.AdminPartnershipFragmentDoc,
    "\n  mutation AdminCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...AdminApiToken\n      }\n    }\n  }\n": typeof types.AdminCreateApiTokenDocument,
    "\n  mutation AdminCreateNeighborhood($input: CreateNeighborhoodInput!) {\n    createNeighborhood(input: $input) {\n      ...AdminNeighborhood\n    }\n  }\n": typeof types.AdminCreateNeighborhoodDocument,
    "\n  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...AdminOrganization\n    }\n  }\n": typeof types.AdminCreateOrganizationDocument,
    "\n  mutation AdminCreatePasswordResetLink($memberId: ID!) {\n    createPasswordResetLink(memberId: $memberId) {\n      resetUrl\n      emailed\n    }\n  }\n": typeof types.AdminCreatePasswordResetLinkDocument,
    "\n  mutation AdminDeactivateMember($id: ID!) {\n    deactivateMember(id: $id) {\n      ...AdminMember\n    }\n  }\n": typeof types.AdminDeactivateMemberDocument,
    "\n  mutation AdminImportNeighborhoods($geojson: String!, $nameProperty: String!, $retireMissing: Boolean!) {\n    importNeighborhoods(geojson: $geojson, nameProperty: $nameProperty, retireMissing: $retireMissing) {\n      created {\n        id\n        name\n      }\n      updated {\n        id\n        name\n      }\n      unchanged {\n        id\n        name\n      }\n      retired {\n        id\n        name\n      }\n      deleted\n      errors {\n        index\n        name\n        message\n      }\n    }\n  }\n": typeof types.AdminImportNeighborhoodsDocument,
    "\n  mutation AdminInviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      inviteUrl\n      emailed\n      invitation {\n        ...AdminInvitation\n      }\n    }\n  }\n": typeof types.AdminInviteMemberDocument,
    "\n  mutation AdminReactivateMember($id: ID!) {\n    reactivateMember(id: $id) {\n      ...AdminMember\n    }\n  }\n": typeof types.AdminReactivateMemberDocument,
    "\n  mutation AdminRestoreNeighborhood($id: ID!) {\n    restoreNeighborhood(id: $id) {\n      ...AdminNeighborhood\n    }\n  }\n": typeof types.AdminRestoreNeighborhoodDocument,
    "\n  mutation AdminRetireNeighborhood($id: ID!) {\n    retireNeighborhood(id: $id) {\n      ...AdminNeighborhood\n    }\n  }\n": typeof types.AdminRetireNeighborhoodDocument,
    "\n  mutation AdminRevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...AdminApiToken\n    }\n  }\n": typeof types.AdminRevokeApiTokenDocument,
    "\n  mutation AdminRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...AdminInvitation\n    }\n  }\n": typeof types.AdminRevokeInvitationDocument,
    "\n  mutation AdminUpdateMember($id: ID!, $input: UpdateMemberInput!) {\n    updateMember(id: $id, input: $input) {\n      ...AdminMember\n    }\n  }\n": typeof types.AdminUpdateMemberDocument,
    "\n  mutation AdminUpdateNeighborhood($id: ID!, $input: UpdateNeighborhoodInput!) {\n    updateNeighborhood(id: $id, input: $input) {\n      ...AdminNeighborhood\n    }\n  }\n": typeof types.AdminUpdateNeighborhoodDocument,
    "\n  mutation AdminUpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      ...AdminOrganization\n    }\n  }\n": typeof types.AdminUpdateOrganizationDocument,
    "\n  mutation AdminUpdatePartnershipSettings($input: PartnershipSettingsInput!) {\n    updatePartnershipSettings(input: $input) {\n      ...AdminPartnership\n    }\n  }\n": typeof types.AdminUpdatePartnershipSettingsDocument,
    "\n  query AdminApiTokens {\n    apiTokens {\n      ...AdminApiToken\n    }\n    organizations {\n      id\n      name\n    }\n  }\n": typeof types.AdminApiTokensDocument,
    "\n  query AdminInvitations {\n    invitations {\n      ...AdminInvitation\n    }\n  }\n": typeof types.AdminInvitationsDocument,
    "\n  query AdminMembers {\n    members {\n      ...AdminMember\n    }\n    organizations {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.AdminMembersDocument,
    "\n  query AdminNeighborhoods {\n    neighborhoods(includeRetired: true) {\n      ...AdminNeighborhood\n    }\n  }\n": typeof types.AdminNeighborhoodsDocument,
    "\n  query AdminOrganizations {\n    organizations {\n      ...AdminOrganization\n    }\n    neighborhoods(includeRetired: true) {\n      id\n      name\n      retired\n    }\n  }\n": typeof types.AdminOrganizationsDocument,
    "\n  query AdminSettings {\n    partnership {\n      ...AdminPartnership\n    }\n  }\n": typeof types.AdminSettingsDocument,
    "\n  query AdminTimeZone {\n    partnership {\n      timeZone\n    }\n  }\n": typeof types.AdminTimeZoneDocument,
    "\n  fragment BoardIssue on CommunityIssue {\n    id\n    title\n    status\n    category\n    neighborhood {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n    supportersCount\n    updateCount\n    reportedAt\n    version\n  }\n": typeof types.BoardIssueFragmentDoc,
    "\n  fragment BoardIssueDetail on CommunityIssue {\n    ...BoardIssue\n    description\n    priority\n    anonymous\n    contact\n    acknowledgedAt\n    resolvedAt\n    reporter {\n      id\n      name\n    }\n    location {\n      lat\n      lng\n      precise\n      address\n    }\n    neighborhood {\n      id\n      name\n      boundary\n      centerLat\n      centerLng\n    }\n    updates {\n      ...BoardTimelineEntry\n    }\n  }\n": typeof types.BoardIssueDetailFragmentDoc,
    "\n  fragment BoardTimelineEntry on IssueUpdate {\n    id\n    kind\n    body\n    visibility\n    createdAt\n    author {\n      id\n      name\n    }\n    organization {\n      id\n      name\n    }\n    fromStatus\n    toStatus\n  }\n": typeof types.BoardTimelineEntryFragmentDoc,
    "\n  mutation BoardAddIssueUpdate($issueId: ID!, $body: String!, $visibility: UpdateVisibility!, $idempotencyKey: String) {\n    addIssueUpdate(issueId: $issueId, body: $body, visibility: $visibility, idempotencyKey: $idempotencyKey) {\n      ...BoardTimelineEntry\n    }\n  }\n": typeof types.BoardAddIssueUpdateDocument,
    "\n  mutation BoardAssignIssue($id: ID!, $organizationIds: [ID!]!, $expectedVersion: Int!) {\n    assignIssue(id: $id, organizationIds: $organizationIds, expectedVersion: $expectedVersion) {\n      ...BoardIssue\n    }\n  }\n": typeof types.BoardAssignIssueDocument,
    "\n  mutation BoardLinkIssueToEvent($id: ID!, $issueIds: [ID!]!, $expectedVersion: Int!) {\n    updateEvent(id: $id, input: { issueIds: $issueIds }, expectedVersion: $expectedVersion) {\n      id\n      version\n      issues {\n        id\n      }\n    }\n  }\n": typeof types.BoardLinkIssueToEventDocument,
    "\n  mutation BoardSetIssueStatus($id: ID!, $status: IssueStatus!, $note: String, $expectedVersion: Int!) {\n    setIssueStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {\n      ...BoardIssue\n    }\n  }\n": typeof types.BoardSetIssueStatusDocument,
    "\n  query BoardFilterOptions {\n    neighborhoods {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n  }\n": typeof types.BoardFilterOptionsDocument,
    "\n  query BoardIssueCard($id: ID!) {\n    issue(id: $id) {\n      ...BoardIssue\n    }\n  }\n": typeof types.BoardIssueCardDocument,
    "\n  query BoardIssueDrawer($id: ID!) {\n    issue(id: $id) {\n      ...BoardIssueDetail\n    }\n    organizations {\n      id\n      name\n    }\n  }\n": typeof types.BoardIssueDrawerDocument,
    "\n  query BoardIssues($filter: IssueFilter!, $first: Int!) {\n    latestSeq\n    issues(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...BoardIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BoardIssuesDocument,
    "\n  query BoardLinkableEvents($from: DateTime!) {\n    events(filter: { from: $from, status: [PLANNED, CONFIRMED] }, first: 100) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          viewerCanEdit\n          version\n          issues {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.BoardLinkableEventsDocument,
    "\n  subscription BoardIssueChanged($filter: IssueFilter!, $after: Int!) {\n    issueChanged(filter: $filter, after: $after) {\n      seq\n      kind\n      issue {\n        ...BoardIssue\n      }\n    }\n  }\n": typeof types.BoardIssueChangedDocument,
    "\n  subscription BoardPresence($share: Boolean!) {\n    presence(share: $share) {\n      count\n      members {\n        id\n        name\n        organizationName\n      }\n    }\n  }\n": typeof types.BoardPresenceDocument,
    "\n  fragment EventCard on SharedEvent {\n    id\n    title\n    description\n    kind\n    status\n    cancelReason\n    startsAt\n    endsAt\n    locationName\n    neighborhood {\n      id\n      name\n    }\n    host {\n      id\n      name\n    }\n    coHosts {\n      id\n      name\n    }\n    coHostInvitations(status: [PENDING]) {\n      id\n      viewerCanRespond\n      organization {\n        id\n        name\n      }\n    }\n    isPublic\n    capacity\n    rsvpCount\n    staffCount\n    staff {\n      count\n      note\n      organization {\n        id\n        name\n      }\n    }\n    viewerCanEdit\n    version\n  }\n": typeof types.EventCardFragmentDoc,
    "\n  mutation CancelEvent($id: ID!, $reason: String!, $expectedVersion: Int) {\n    cancelEvent(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...EventCard\n    }\n  }\n": typeof types.CancelEventDocument,
    "\n  mutation CommitStaff($eventId: ID!, $count: Int!, $note: String) {\n    commitStaff(eventId: $eventId, count: $count, note: $note) {\n      ...EventCard\n    }\n  }\n": typeof types.CommitStaffDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      ...EventCard\n    }\n  }\n": typeof types.CreateEventDocument,
    "\n  mutation RespondToCoHostInvitation($id: ID!, $accept: Boolean!) {\n    respondToCoHostInvitation(id: $id, accept: $accept) {\n      id\n      status\n      event {\n        ...EventCard\n      }\n    }\n  }\n": typeof types.RespondToCoHostInvitationDocument,
    "\n  mutation RsvpEvent($id: ID!, $input: RsvpInput!) {\n    rsvpEvent(id: $id, input: $input) {\n      id\n      rsvpCount\n      capacity\n      version\n    }\n  }\n": typeof types.RsvpEventDocument,
    "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!, $expectedVersion: Int) {\n    updateEvent(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...EventCard\n    }\n  }\n": typeof types.UpdateEventDocument,
    "\n  query EventDetail($id: ID!) {\n    latestSeq\n    event(id: $id) {\n      ...EventCard\n    }\n  }\n": typeof types.EventDetailDocument,
    "\n  query EventFormOptions {\n    neighborhoods {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n  }\n": typeof types.EventFormOptionsDocument,
    "\n  query EventsList($filter: EventFilter, $first: Int, $after: String) {\n    latestSeq\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EventCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.EventsListDocument,
    "\n  query PendingCoHostInvitations {\n    coHostInvitations(status: [PENDING]) {\n      id\n      viewerCanRespond\n      event {\n        id\n        title\n        status\n        startsAt\n        endsAt\n        host {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PendingCoHostInvitationsDocument,
    "\n  subscription EventChanged($after: Int) {\n    eventChanged(after: $after) {\n      seq\n      kind\n      event {\n        ...EventCard\n      }\n    }\n  }\n": typeof types.EventChangedDocument,
    "\n  query Partnership {\n    partnership {\n      name\n      timeZone\n      language\n      welcomeText\n      setupRequired\n      passwordResetByEmail\n      mapCenter {\n        lat\n        lng\n      }\n      mapZoom\n      tileUrl\n    }\n  }\n": typeof types.PartnershipDocument,
    "\n  fragment PublicIssue on CommunityIssue {\n    id\n    title\n    description\n    category\n    status\n    reportedAt\n    neighborhood {\n      id\n      name\n    }\n    supportersCount\n    version\n  }\n": typeof types.PublicIssueFragmentDoc,
    "\n  mutation ReportIssue($input: ReportIssueInput!) {\n    reportIssue(input: $input) {\n      id\n      title\n      status\n      category\n      neighborhood {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ReportIssueDocument,
    "\n  mutation PublicSupportIssue($id: ID!) {\n    supportIssue(id: $id) {\n      id\n      supportersCount\n      version\n    }\n  }\n": typeof types.PublicSupportIssueDocument,
    "\n  query PublicIssues($filter: IssueFilter, $first: Int!, $after: String) {\n    issues(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PublicIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PublicIssuesDocument,
    "\n  query PublicNeighborhoods {\n    neighborhoods {\n      id\n      name\n      centerLat\n      centerLng\n      boundary\n    }\n  }\n": typeof types.PublicNeighborhoodsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n        role\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CompleteSetup($code: String!, $input: SetupInput!) {\n    completeSetup(code: $code, input: $input) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n": typeof types.CompleteSetupDocument,
};
const documents: Documents = {
    "\n  mutation AcceptInvitation($code: String!, $password: String!, $name: String) {\n    acceptInvitation(code: $code, password: $password, name: $name) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($code: String!, $password: String!) {\n    resetPassword(code: $code, password: $password) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query AccessLink($code: String!) {\n    accessLink(code: $code) {\n      kind\n      email\n      name\n      role\n      organizationName\n      expiresAt\n    }\n  }\n": types.AccessLinkDocument,
    "\n  fragment ActivityEntry on Activity {\n    id\n    seq\n    at\n    kind\n    summary\n    actor {\n      id\n      name\n    }\n    actorOrganization {\n      id\n      name\n    }\n    issue {\n      id\n      title\n    }\n    event {\n      id\n      title\n    }\n  }\n": types.ActivityEntryFragmentDoc,
    "\n  query ActivityFeed($first: Int!) {\n    latestSeq\n    activities(first: $first) {\n      ...ActivityEntry\n    }\n  }\n": types.ActivityFeedDocument,
    "\n  query OlderActivity($before: Int!, $first: Int!) {\n    activities(before: $before, first: $first) {\n      ...ActivityEntry\n    }\n  }\n": types.OlderActivityDocument,
    "\n  subscription ActivityFeedLive($after: Int) {\n    activity(after: $after) {\n      ...ActivityEntry\n    }\n  }\n": types.ActivityFeedLiveDocument,
    "\n  fragment AdminApiToken on ApiToken {\n    id\n    name\n    hint\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n    organization {\n      id\n      name\n    }\n    createdBy {\n      id\n      name\n    }\n  }\n": types.AdminApiTokenFragmentDoc,
    "\n  fragment AdminInvitation on Invitation {\n    id\n    email\n    name\n    role\n    status\n    createdAt\n    expiresAt\n    acceptedAt\n    organization {\n      id\n      name\n    }\n    invitedBy {\n      id\n      name\n    }\n  }\n": types.AdminInvitationFragmentDoc,
    "\n  fragment AdminMember on Member {\n    id\n    name\n    email\n    role\n    active\n    deactivatedAt\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": types.AdminMemberFragmentDoc,
    "\n  fragment AdminNeighborhood on Neighborhood {\n    id\n    name\n    boundary\n    centerLat\n    centerLng\n    retired\n    retiredAt\n  }\n": types.AdminNeighborhoodFragmentDoc,
    "\n  fragment AdminOrganization on Organization {\n    id\n    name\n    kind\n    neighborhoods {\n      id\n      name\n    }\n  }\n": types.AdminOrganizationFragmentDoc,
    "\n  fragment AdminPartnership on Partnership {\n    name\n    timeZone\n    language\n    mapCenter {\n      lat\n      lng\n    }\n    mapZoom\n    tileUrl\n    welcomeText\n  }\n": types.AdminPartnershipFragmentDoc,
    "\n  mutation AdminCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...AdminApiToken\n      }\n    }\n  }\n": types.AdminCreateApiTokenDocument,
    "\n  mutation AdminCreateNeighborhood($input: CreateNeighborhoodInput!) {\n    createNeighborhood(input: $input) {\n      ...AdminNeighborhood\n    }\n  }\n": types.AdminCreateNeighborhoodDocument,
    "\n  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...AdminOrganization\n    }\n  }\n": types.AdminCreateOrganizationDocument,
    "\n  mutation AdminCreatePasswordResetLink($memberId: ID!) {\n    createPasswordResetLink(memberId: $memberId) {\n      resetUrl\n      emailed\n    }\n  }\n": types.AdminCreatePasswordResetLinkDocument,
    "\n  mutation AdminDeactivateMember($id: ID!) {\n    deactivateMember(id: $id) {\n      ...AdminMember\n    }\n  }\n": types.AdminDeactivateMemberDocument,
    "\n  mutation AdminImportNeighborhoods($geojson: String!, $nameProperty: String!, $retireMissing: Boolean!) {\n    importNeighborhoods(geojson: $geojson, nameProperty: $nameProperty, retireMissing: $retireMissing) {\n      created {\n        id\n        name\n      }\n      updated {\n        id\n        name\n      }\n      unchanged {\n        id\n        name\n      }\n      retired {\n        id\n        name\n      }\n      deleted\n      errors {\n        index\n        name\n        message\n      }\n    }\n  }\n": types.AdminImportNeighborhoodsDocument,
    "\n  mutation AdminInviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      inviteUrl\n      emailed\n      invitation {\n        ...AdminInvitation\n      }\n    }\n  }\n": types.AdminInviteMemberDocument,
    "\n  mutation AdminReactivateMember($id: ID!) {\n    reactivateMember(id: $id) {\n      ...AdminMember\n    }\n  }\n": types.AdminReactivateMemberDocument,
    "\n  mutation AdminRestoreNeighborhood($id: ID!) {\n    restoreNeighborhood(id: $id) {\n      ...AdminNeighborhood\n    }\n  }\n": types.AdminRestoreNeighborhoodDocument,
    "\n  mutation AdminRetireNeighborhood($id: ID!) {\n    retireNeighborhood(id: $id) {\n      ...AdminNeighborhood\n    }\n  }\n": types.AdminRetireNeighborhoodDocument,
    "\n  mutation AdminRevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...AdminApiToken\n    }\n  }\n": types.AdminRevokeApiTokenDocument,
    "\n  mutation AdminRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...AdminInvitation\n    }\n  }\n": types.AdminRevokeInvitationDocument,
    "\n  mutation AdminUpdateMember($id: ID!, $input: UpdateMemberInput!) {\n    updateMember(id: $id, input: $input) {\n      ...AdminMember\n    }\n  }\n": types.AdminUpdateMemberDocument,
    "\n  mutation AdminUpdateNeighborhood($id: ID!, $input: UpdateNeighborhoodInput!) {\n    updateNeighborhood(id: $id, input: $input) {\n      ...AdminNeighborhood\n    }\n  }\n": types.AdminUpdateNeighborhoodDocument,
    "\n  mutation AdminUpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      ...AdminOrganization\n    }\n  }\n": types.AdminUpdateOrganizationDocument,
    "\n  mutation AdminUpdatePartnershipSettings($input: PartnershipSettingsInput!) {\n    updatePartnershipSettings(input: $input) {\n      ...AdminPartnership\n    }\n  }\n": types.AdminUpdatePartnershipSettingsDocument,
    "\n  query AdminApiTokens {\n    apiTokens {\n      ...AdminApiToken\n    }\n    organizations {\n      id\n      name\n    }\n  }\n": types.AdminApiTokensDocument,
    "\n  query AdminInvitations {\n    invitations {\n      ...AdminInvitation\n    }\n  }\n": types.AdminInvitationsDocument,
    "\n  query AdminMembers {\n    members {\n      ...AdminMember\n    }\n    organizations {\n      id\n      name\n      kind\n    }\n  }\n": types.AdminMembersDocument,
    "\n  query AdminNeighborhoods {\n    neighborhoods(includeRetired: true) {\n      ...AdminNeighborhood\n    }\n  }\n": types.AdminNeighborhoodsDocument,
    "\n  query AdminOrganizations {\n    organizations {\n      ...AdminOrganization\n    }\n    neighborhoods(includeRetired: true) {\n      id\n      name\n      retired\n    }\n  }\n": types.AdminOrganizationsDocument,
    "\n  query AdminSettings {\n    partnership {\n      ...AdminPartnership\n    }\n  }\n": types.AdminSettingsDocument,
    "\n  query AdminTimeZone {\n    partnership {\n      timeZone\n    }\n  }\n": types.AdminTimeZoneDocument,
    "\n  fragment BoardIssue on CommunityIssue {\n    id\n    title\n    status\n    category\n    neighborhood {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n    supportersCount\n    updateCount\n    reportedAt\n    version\n  }\n": types.BoardIssueFragmentDoc,
    "\n  fragment BoardIssueDetail on CommunityIssue {\n    ...BoardIssue\n    description\n    priority\n    anonymous\n    contact\n    acknowledgedAt\n    resolvedAt\n    reporter {\n      id\n      name\n    }\n    location {\n      lat\n      lng\n      precise\n      address\n    }\n    neighborhood {\n      id\n      name\n      boundary\n      centerLat\n      centerLng\n    }\n    updates {\n      ...BoardTimelineEntry\n    }\n  }\n": types.BoardIssueDetailFragmentDoc,
    "\n  fragment BoardTimelineEntry on IssueUpdate {\n    id\n    kind\n    body\n    visibility\n    createdAt\n    author {\n      id\n      name\n    }\n    organization {\n      id\n      name\n    }\n    fromStatus\n    toStatus\n  }\n": types.BoardTimelineEntryFragmentDoc,
    "\n  mutation BoardAddIssueUpdate($issueId: ID!, $body: String!, $visibility: UpdateVisibility!, $idempotencyKey: String) {\n    addIssueUpdate(issueId: $issueId, body: $body, visibility: $visibility, idempotencyKey: $idempotencyKey) {\n      ...BoardTimelineEntry\n    }\n  }\n": types.BoardAddIssueUpdateDocument,
    "\n  mutation BoardAssignIssue($id: ID!, $organizationIds: [ID!]!, $expectedVersion: Int!) {\n    assignIssue(id: $id, organizationIds: $organizationIds, expectedVersion: $expectedVersion) {\n      ...BoardIssue\n    }\n  }\n": types.BoardAssignIssueDocument,
    "\n  mutation BoardLinkIssueToEvent($id: ID!, $issueIds: [ID!]!, $expectedVersion: Int!) {\n    updateEvent(id: $id, input: { issueIds: $issueIds }, expectedVersion: $expectedVersion) {\n      id\n      version\n      issues {\n        id\n      }\n    }\n  }\n": types.BoardLinkIssueToEventDocument,
    "\n  mutation BoardSetIssueStatus($id: ID!, $status: IssueStatus!, $note: String, $expectedVersion: Int!) {\n    setIssueStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {\n      ...BoardIssue\n    }\n  }\n": types.BoardSetIssueStatusDocument,
    "\n  query BoardFilterOptions {\n    neighborhoods {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n  }\n": types.BoardFilterOptionsDocument,
    "\n  query BoardIssueCard($id: ID!) {\n    issue(id: $id) {\n      ...BoardIssue\n    }\n  }\n": types.BoardIssueCardDocument,
    "\n  query BoardIssueDrawer($id: ID!) {\n    issue(id: $id) {\n      ...BoardIssueDetail\n    }\n    organizations {\n      id\n      name\n    }\n  }\n": types.BoardIssueDrawerDocument,
    "\n  query BoardIssues($filter: IssueFilter!, $first: Int!) {\n    latestSeq\n    issues(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...BoardIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BoardIssuesDocument,
    "\n  query BoardLinkableEvents($from: DateTime!) {\n    events(filter: { from: $from, status: [PLANNED, CONFIRMED] }, first: 100) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          viewerCanEdit\n          version\n          issues {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.BoardLinkableEventsDocument,
    "\n  subscription BoardIssueChanged($filter: IssueFilter!, $after: Int!) {\n    issueChanged(filter: $filter, after: $after) {\n      seq\n      kind\n      issue {\n        ...BoardIssue\n      }\n    }\n  }\n": types.BoardIssueChangedDocument,
    "\n  subscription BoardPresence($share: Boolean!) {\n    presence(share: $share) {\n      count\n      members {\n        id\n        name\n        organizationName\n      }\n    }\n  }\n": types.BoardPresenceDocument,
    "\n  fragment EventCard on SharedEvent {\n    id\n    title\n    description\n    kind\n    status\n    cancelReason\n    startsAt\n    endsAt\n    locationName\n    neighborhood {\n      id\n      name\n    }\n    host {\n      id\n      name\n    }\n    coHosts {\n      id\n      name\n    }\n    coHostInvitations(status: [PENDING]) {\n      id\n      viewerCanRespond\n      organization {\n        id\n        name\n      }\n    }\n    isPublic\n    capacity\n    rsvpCount\n    staffCount\n    staff {\n      count\n      note\n      organization {\n        id\n        name\n      }\n    }\n    viewerCanEdit\n    version\n  }\n": types.EventCardFragmentDoc,
    "\n  mutation CancelEvent($id: ID!, $reason: String!, $expectedVersion: Int) {\n    cancelEvent(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...EventCard\n    }\n  }\n": types.CancelEventDocument,
    "\n  mutation CommitStaff($eventId: ID!, $count: Int!, $note: String) {\n    commitStaff(eventId: $eventId, count: $count, note: $note) {\n      ...EventCard\n    }\n  }\n": types.CommitStaffDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      ...EventCard\n    }\n  }\n": types.CreateEventDocument,
    "\n  mutation RespondToCoHostInvitation($id: ID!, $accept: Boolean!) {\n    respondToCoHostInvitation(id: $id, accept: $accept) {\n      id\n      status\n      event {\n        ...EventCard\n      }\n    }\n  }\n": types.RespondToCoHostInvitationDocument,
    "\n  mutation RsvpEvent($id: ID!, $input: RsvpInput!) {\n    rsvpEvent(id: $id, input: $input) {\n      id\n      rsvpCount\n      capacity\n      version\n    }\n  }\n": types.RsvpEventDocument,
    "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!, $expectedVersion: Int) {\n    updateEvent(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...EventCard\n    }\n  }\n": types.UpdateEventDocument,
    "\n  query EventDetail($id: ID!) {\n    latestSeq\n    event(id: $id) {\n      ...EventCard\n    }\n  }\n": types.EventDetailDocument,
    "\n  query EventFormOptions {\n    neighborhoods {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n  }\n": types.EventFormOptionsDocument,
    "\n  query EventsList($filter: EventFilter, $first: Int, $after: String) {\n    latestSeq\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EventCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.EventsListDocument,
    "\n  query PendingCoHostInvitations {\n    coHostInvitations(status: [PENDING]) {\n      id\n      viewerCanRespond\n      event {\n        id\n        title\n        status\n        startsAt\n        endsAt\n        host {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PendingCoHostInvitationsDocument,
    "\n  subscription EventChanged($after: Int) {\n    eventChanged(after: $after) {\n      seq\n      kind\n      event {\n        ...EventCard\n      }\n    }\n  }\n": types.EventChangedDocument,
    "\n  query Partnership {\n    partnership {\n      name\n      timeZone\n      language\n      welcomeText\n      setupRequired\n      passwordResetByEmail\n      mapCenter {\n        lat\n        lng\n      }\n      mapZoom\n      tileUrl\n    }\n  }\n": types.PartnershipDocument,
    "\n  fragment PublicIssue on CommunityIssue {\n    id\n    title\n    description\n    category\n    status\n    reportedAt\n    neighborhood {\n      id\n      name\n    }\n    supportersCount\n    version\n  }\n": types.PublicIssueFragmentDoc,
    "\n  mutation ReportIssue($input: ReportIssueInput!) {\n    reportIssue(input: $input) {\n      id\n      title\n      status\n      category\n      neighborhood {\n        id\n        name\n      }\n    }\n  }\n": types.ReportIssueDocument,
    "\n  mutation PublicSupportIssue($id: ID!) {\n    supportIssue(id: $id) {\n      id\n      supportersCount\n      version\n    }\n  }\n": types.PublicSupportIssueDocument,
    "\n  query PublicIssues($filter: IssueFilter, $first: Int!, $after: String) {\n    issues(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PublicIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PublicIssuesDocument,
    "\n  query PublicNeighborhoods {\n    neighborhoods {\n      id\n      name\n      centerLat\n      centerLng\n      boundary\n    }\n  }\n": types.PublicNeighborhoodsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n        role\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation CompleteSetup($code: String!, $input: SetupInput!) {\n    completeSetup(code: $code, input: $input) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n": types.CompleteSetupDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($code: String!, $password: String!, $name: String) {\n    acceptInvitation(code: $code, password: $password, name: $name) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($code: String!, $password: String!, $name: String) {\n    acceptInvitation(code: $code, password: $password, name: $name) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($code: String!, $password: String!) {\n    resetPassword(code: $code, password: $password) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($code: String!, $password: String!) {\n    resetPassword(code: $code, password: $password) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessLink($code: String!) {\n    accessLink(code: $code) {\n      kind\n      email\n      name\n      role\n      organizationName\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query AccessLink($code: String!) {\n    accessLink(code: $code) {\n      kind\n      email\n      name\n      role\n      organizationName\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityEntry on Activity {\n    id\n    seq\n    at\n    kind\n    summary\n    actor {\n      id\n      name\n    }\n    actorOrganization {\n      id\n      name\n    }\n    issue {\n      id\n      title\n    }\n    event {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityEntry on Activity {\n    id\n    seq\n    at\n    kind\n    summary\n    actor {\n      id\n      name\n    }\n    actorOrganization {\n      id\n      name\n    }\n    issue {\n      id\n      title\n    }\n    event {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivityFeed($first: Int!) {\n    latestSeq\n    activities(first: $first) {\n      ...ActivityEntry\n    }\n  }\n"): (typeof documents)["\n  query ActivityFeed($first: Int!) {\n    latestSeq\n    activities(first: $first) {\n      ...ActivityEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OlderActivity($before: Int!, $first: Int!) {\n    activities(before: $before, first: $first) {\n      ...ActivityEntry\n    }\n  }\n"): (typeof documents)["\n  query OlderActivity($before: Int!, $first: Int!) {\n    activities(before: $before, first: $first) {\n      ...ActivityEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ActivityFeedLive($after: Int) {\n    activity(after: $after) {\n      ...ActivityEntry\n    }\n  }\n"): (typeof documents)["\n  subscription ActivityFeedLive($after: Int) {\n    activity(after: $after) {\n      ...ActivityEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminApiToken on ApiToken {\n    id\n    name\n    hint\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n    organization {\n      id\n      name\n    }\n    createdBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminApiToken on ApiToken {\n    id\n    name\n    hint\n    scopes\n    createdAt\n    lastUsedAt\n    revokedAt\n    organization {\n      id\n      name\n    }\n    createdBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminInvitation on Invitation {\n    id\n    email\n    name\n    role\n    status\n    createdAt\n    expiresAt\n    acceptedAt\n    organization {\n      id\n      name\n    }\n    invitedBy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminInvitation on Invitation {\n    id\n    email\n    name\n    role\n    status\n    createdAt\n    expiresAt\n    acceptedAt\n    organization {\n      id\n      name\n    }\n    invitedBy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminMember on Member {\n    id\n    name\n    email\n    role\n    active\n    deactivatedAt\n    organization {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment AdminMember on Member {\n    id\n    name\n    email\n    role\n    active\n    deactivatedAt\n    organization {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminNeighborhood on Neighborhood {\n    id\n    name\n    boundary\n    centerLat\n    centerLng\n    retired\n    retiredAt\n  }\n"): (typeof documents)["\n  fragment AdminNeighborhood on Neighborhood {\n    id\n    name\n    boundary\n    centerLat\n    centerLng\n    retired\n    retiredAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminOrganization on Organization {\n    id\n    name\n    kind\n    neighborhoods {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminOrganization on Organization {\n    id\n    name\n    kind\n    neighborhoods {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminPartnership on Partnership {\n    name\n    timeZone\n    language\n    mapCenter {\n      lat\n      lng\n    }\n    mapZoom\n    tileUrl\n    welcomeText\n  }\n"): (typeof documents)["\n  fragment AdminPartnership on Partnership {\n    name\n    timeZone\n    language\n    mapCenter {\n      lat\n      lng\n    }\n    mapZoom\n    tileUrl\n    welcomeText\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...AdminApiToken\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...AdminApiToken\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateNeighborhood($input: CreateNeighborhoodInput!) {\n    createNeighborhood(input: $input) {\n      ...AdminNeighborhood\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateNeighborhood($input: CreateNeighborhoodInput!) {\n    createNeighborhood(input: $input) {\n      ...AdminNeighborhood\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...AdminOrganization\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...AdminOrganization\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreatePasswordResetLink($memberId: ID!) {\n    createPasswordResetLink(memberId: $memberId) {\n      resetUrl\n      emailed\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreatePasswordResetLink($memberId: ID!) {\n    createPasswordResetLink(memberId: $memberId) {\n      resetUrl\n      emailed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateMember($id: ID!) {\n    deactivateMember(id: $id) {\n      ...AdminMember\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeactivateMember($id: ID!) {\n    deactivateMember(id: $id) {\n      ...AdminMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminImportNeighborhoods($geojson: String!, $nameProperty: String!, $retireMissing: Boolean!) {\n    importNeighborhoods(geojson: $geojson, nameProperty: $nameProperty, retireMissing: $retireMissing) {\n      created {\n        id\n        name\n      }\n      updated {\n        id\n        name\n      }\n      unchanged {\n        id\n        name\n      }\n      retired {\n        id\n        name\n      }\n      deleted\n      errors {\n        index\n        name\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminImportNeighborhoods($geojson: String!, $nameProperty: String!, $retireMissing: Boolean!) {\n    importNeighborhoods(geojson: $geojson, nameProperty: $nameProperty, retireMissing: $retireMissing) {\n      created {\n        id\n        name\n      }\n      updated {\n        id\n        name\n      }\n      unchanged {\n        id\n        name\n      }\n      retired {\n        id\n        name\n      }\n      deleted\n      errors {\n        index\n        name\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminInviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      inviteUrl\n      emailed\n      invitation {\n        ...AdminInvitation\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminInviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      inviteUrl\n      emailed\n      invitation {\n        ...AdminInvitation\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReactivateMember($id: ID!) {\n    reactivateMember(id: $id) {\n      ...AdminMember\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReactivateMember($id: ID!) {\n    reactivateMember(id: $id) {\n      ...AdminMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRestoreNeighborhood($id: ID!) {\n    restoreNeighborhood(id: $id) {\n      ...AdminNeighborhood\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRestoreNeighborhood($id: ID!) {\n    restoreNeighborhood(id: $id) {\n      ...AdminNeighborhood\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetireNeighborhood($id: ID!) {\n    retireNeighborhood(id: $id) {\n      ...AdminNeighborhood\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRetireNeighborhood($id: ID!) {\n    retireNeighborhood(id: $id) {\n      ...AdminNeighborhood\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...AdminApiToken\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...AdminApiToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...AdminInvitation\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      ...AdminInvitation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateMember($id: ID!, $input: UpdateMemberInput!) {\n    updateMember(id: $id, input: $input) {\n      ...AdminMember\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateMember($id: ID!, $input: UpdateMemberInput!) {\n    updateMember(id: $id, input: $input) {\n      ...AdminMember\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateNeighborhood($id: ID!, $input: UpdateNeighborhoodInput!) {\n    updateNeighborhood(id: $id, input: $input) {\n      ...AdminNeighborhood\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateNeighborhood($id: ID!, $input: UpdateNeighborhoodInput!) {\n    updateNeighborhood(id: $id, input: $input) {\n      ...AdminNeighborhood\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      ...AdminOrganization\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      ...AdminOrganization\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdatePartnershipSettings($input: PartnershipSettingsInput!) {\n    updatePartnershipSettings(input: $input) {\n      ...AdminPartnership\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdatePartnershipSettings($input: PartnershipSettingsInput!) {\n    updatePartnershipSettings(input: $input) {\n      ...AdminPartnership\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiTokens {\n    apiTokens {\n      ...AdminApiToken\n    }\n    organizations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AdminApiTokens {\n    apiTokens {\n      ...AdminApiToken\n    }\n    organizations {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminInvitations {\n    invitations {\n      ...AdminInvitation\n    }\n  }\n"): (typeof documents)["\n  query AdminInvitations {\n    invitations {\n      ...AdminInvitation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMembers {\n    members {\n      ...AdminMember\n    }\n    organizations {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query AdminMembers {\n    members {\n      ...AdminMember\n    }\n    organizations {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminNeighborhoods {\n    neighborhoods(includeRetired: true) {\n      ...AdminNeighborhood\n    }\n  }\n"): (typeof documents)["\n  query AdminNeighborhoods {\n    neighborhoods(includeRetired: true) {\n      ...AdminNeighborhood\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganizations {\n    organizations {\n      ...AdminOrganization\n    }\n    neighborhoods(includeRetired: true) {\n      id\n      name\n      retired\n    }\n  }\n"): (typeof documents)["\n  query AdminOrganizations {\n    organizations {\n      ...AdminOrganization\n    }\n    neighborhoods(includeRetired: true) {\n      id\n      name\n      retired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSettings {\n    partnership {\n      ...AdminPartnership\n    }\n  }\n"): (typeof documents)["\n  query AdminSettings {\n    partnership {\n      ...AdminPartnership\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTimeZone {\n    partnership {\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  query AdminTimeZone {\n    partnership {\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardIssue on CommunityIssue {\n    id\n    title\n    status\n    category\n    neighborhood {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n    supportersCount\n    updateCount\n    reportedAt\n    version\n  }\n"): (typeof documents)["\n  fragment BoardIssue on CommunityIssue {\n    id\n    title\n    status\n    category\n    neighborhood {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n    supportersCount\n    updateCount\n    reportedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardIssueDetail on CommunityIssue {\n    ...BoardIssue\n    description\n    priority\n    anonymous\n    contact\n    acknowledgedAt\n    resolvedAt\n    reporter {\n      id\n      name\n    }\n    location {\n      lat\n      lng\n      precise\n      address\n    }\n    neighborhood {\n      id\n      name\n      boundary\n      centerLat\n      centerLng\n    }\n    updates {\n      ...BoardTimelineEntry\n    }\n  }\n"): (typeof documents)["\n  fragment BoardIssueDetail on CommunityIssue {\n    ...BoardIssue\n    description\n    priority\n    anonymous\n    contact\n    acknowledgedAt\n    resolvedAt\n    reporter {\n      id\n      name\n    }\n    location {\n      lat\n      lng\n      precise\n      address\n    }\n    neighborhood {\n      id\n      name\n      boundary\n      centerLat\n      centerLng\n    }\n    updates {\n      ...BoardTimelineEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardTimelineEntry on IssueUpdate {\n    id\n    kind\n    body\n    visibility\n    createdAt\n    author {\n      id\n      name\n    }\n    organization {\n      id\n      name\n    }\n    fromStatus\n    toStatus\n  }\n"): (typeof documents)["\n  fragment BoardTimelineEntry on IssueUpdate {\n    id\n    kind\n    body\n    visibility\n    createdAt\n    author {\n      id\n      name\n    }\n    organization {\n      id\n      name\n    }\n    fromStatus\n    toStatus\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardAddIssueUpdate($issueId: ID!, $body: String!, $visibility: UpdateVisibility!, $idempotencyKey: String) {\n    addIssueUpdate(issueId: $issueId, body: $body, visibility: $visibility, idempotencyKey: $idempotencyKey) {\n      ...BoardTimelineEntry\n    }\n  }\n"): (typeof documents)["\n  mutation BoardAddIssueUpdate($issueId: ID!, $body: String!, $visibility: UpdateVisibility!, $idempotencyKey: String) {\n    addIssueUpdate(issueId: $issueId, body: $body, visibility: $visibility, idempotencyKey: $idempotencyKey) {\n      ...BoardTimelineEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardAssignIssue($id: ID!, $organizationIds: [ID!]!, $expectedVersion: Int!) {\n    assignIssue(id: $id, organizationIds: $organizationIds, expectedVersion: $expectedVersion) {\n      ...BoardIssue\n    }\n  }\n"): (typeof documents)["\n  mutation BoardAssignIssue($id: ID!, $organizationIds: [ID!]!, $expectedVersion: Int!) {\n    assignIssue(id: $id, organizationIds: $organizationIds, expectedVersion: $expectedVersion) {\n      ...BoardIssue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardLinkIssueToEvent($id: ID!, $issueIds: [ID!]!, $expectedVersion: Int!) {\n    updateEvent(id: $id, input: { issueIds: $issueIds }, expectedVersion: $expectedVersion) {\n      id\n      version\n      issues {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BoardLinkIssueToEvent($id: ID!, $issueIds: [ID!]!, $expectedVersion: Int!) {\n    updateEvent(id: $id, input: { issueIds: $issueIds }, expectedVersion: $expectedVersion) {\n      id\n      version\n      issues {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BoardSetIssueStatus($id: ID!, $status: IssueStatus!, $note: String, $expectedVersion: Int!) {\n    setIssueStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {\n      ...BoardIssue\n    }\n  }\n"): (typeof documents)["\n  mutation BoardSetIssueStatus($id: ID!, $status: IssueStatus!, $note: String, $expectedVersion: Int!) {\n    setIssueStatus(id: $id, status: $status, note: $note, expectedVersion: $expectedVersion) {\n      ...BoardIssue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardFilterOptions {\n    neighborhoods {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query BoardFilterOptions {\n    neighborhoods {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardIssueCard($id: ID!) {\n    issue(id: $id) {\n      ...BoardIssue\n    }\n  }\n"): (typeof documents)["\n  query BoardIssueCard($id: ID!) {\n    issue(id: $id) {\n      ...BoardIssue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardIssueDrawer($id: ID!) {\n    issue(id: $id) {\n      ...BoardIssueDetail\n    }\n    organizations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query BoardIssueDrawer($id: ID!) {\n    issue(id: $id) {\n      ...BoardIssueDetail\n    }\n    organizations {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardIssues($filter: IssueFilter!, $first: Int!) {\n    latestSeq\n    issues(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...BoardIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardIssues($filter: IssueFilter!, $first: Int!) {\n    latestSeq\n    issues(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...BoardIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardLinkableEvents($from: DateTime!) {\n    events(filter: { from: $from, status: [PLANNED, CONFIRMED] }, first: 100) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          viewerCanEdit\n          version\n          issues {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardLinkableEvents($from: DateTime!) {\n    events(filter: { from: $from, status: [PLANNED, CONFIRMED] }, first: 100) {\n      edges {\n        node {\n          id\n          title\n          startsAt\n          viewerCanEdit\n          version\n          issues {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BoardIssueChanged($filter: IssueFilter!, $after: Int!) {\n    issueChanged(filter: $filter, after: $after) {\n      seq\n      kind\n      issue {\n        ...BoardIssue\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription BoardIssueChanged($filter: IssueFilter!, $after: Int!) {\n    issueChanged(filter: $filter, after: $after) {\n      seq\n      kind\n      issue {\n        ...BoardIssue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BoardPresence($share: Boolean!) {\n    presence(share: $share) {\n      count\n      members {\n        id\n        name\n        organizationName\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription BoardPresence($share: Boolean!) {\n    presence(share: $share) {\n      count\n      members {\n        id\n        name\n        organizationName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventCard on SharedEvent {\n    id\n    title\n    description\n    kind\n    status\n    cancelReason\n    startsAt\n    endsAt\n    locationName\n    neighborhood {\n      id\n      name\n    }\n    host {\n      id\n      name\n    }\n    coHosts {\n      id\n      name\n    }\n    coHostInvitations(status: [PENDING]) {\n      id\n      viewerCanRespond\n      organization {\n        id\n        name\n      }\n    }\n    isPublic\n    capacity\n    rsvpCount\n    staffCount\n    staff {\n      count\n      note\n      organization {\n        id\n        name\n      }\n    }\n    viewerCanEdit\n    version\n  }\n"): (typeof documents)["\n  fragment EventCard on SharedEvent {\n    id\n    title\n    description\n    kind\n    status\n    cancelReason\n    startsAt\n    endsAt\n    locationName\n    neighborhood {\n      id\n      name\n    }\n    host {\n      id\n      name\n    }\n    coHosts {\n      id\n      name\n    }\n    coHostInvitations(status: [PENDING]) {\n      id\n      viewerCanRespond\n      organization {\n        id\n        name\n      }\n    }\n    isPublic\n    capacity\n    rsvpCount\n    staffCount\n    staff {\n      count\n      note\n      organization {\n        id\n        name\n      }\n    }\n    viewerCanEdit\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelEvent($id: ID!, $reason: String!, $expectedVersion: Int) {\n    cancelEvent(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...EventCard\n    }\n  }\n"): (typeof documents)["\n  mutation CancelEvent($id: ID!, $reason: String!, $expectedVersion: Int) {\n    cancelEvent(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...EventCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitStaff($eventId: ID!, $count: Int!, $note: String) {\n    commitStaff(eventId: $eventId, count: $count, note: $note) {\n      ...EventCard\n    }\n  }\n"): (typeof documents)["\n  mutation CommitStaff($eventId: ID!, $count: Int!, $note: String) {\n    commitStaff(eventId: $eventId, count: $count, note: $note) {\n      ...EventCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      ...EventCard\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      ...EventCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToCoHostInvitation($id: ID!, $accept: Boolean!) {\n    respondToCoHostInvitation(id: $id, accept: $accept) {\n      id\n      status\n      event {\n        ...EventCard\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToCoHostInvitation($id: ID!, $accept: Boolean!) {\n    respondToCoHostInvitation(id: $id, accept: $accept) {\n      id\n      status\n      event {\n        ...EventCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RsvpEvent($id: ID!, $input: RsvpInput!) {\n    rsvpEvent(id: $id, input: $input) {\n      id\n      rsvpCount\n      capacity\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation RsvpEvent($id: ID!, $input: RsvpInput!) {\n    rsvpEvent(id: $id, input: $input) {\n      id\n      rsvpCount\n      capacity\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!, $expectedVersion: Int) {\n    updateEvent(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...EventCard\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!, $expectedVersion: Int) {\n    updateEvent(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...EventCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventDetail($id: ID!) {\n    latestSeq\n    event(id: $id) {\n      ...EventCard\n    }\n  }\n"): (typeof documents)["\n  query EventDetail($id: ID!) {\n    latestSeq\n    event(id: $id) {\n      ...EventCard\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventFormOptions {\n    neighborhoods {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query EventFormOptions {\n    neighborhoods {\n      id\n      name\n    }\n    organizations {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsList($filter: EventFilter, $first: Int, $after: String) {\n    latestSeq\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EventCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsList($filter: EventFilter, $first: Int, $after: String) {\n    latestSeq\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EventCard\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingCoHostInvitations {\n    coHostInvitations(status: [PENDING]) {\n      id\n      viewerCanRespond\n      event {\n        id\n        title\n        status\n        startsAt\n        endsAt\n        host {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingCoHostInvitations {\n    coHostInvitations(status: [PENDING]) {\n      id\n      viewerCanRespond\n      event {\n        id\n        title\n        status\n        startsAt\n        endsAt\n        host {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EventChanged($after: Int) {\n    eventChanged(after: $after) {\n      seq\n      kind\n      event {\n        ...EventCard\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription EventChanged($after: Int) {\n    eventChanged(after: $after) {\n      seq\n      kind\n      event {\n        ...EventCard\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Partnership {\n    partnership {\n      name\n      timeZone\n      language\n      welcomeText\n      setupRequired\n      passwordResetByEmail\n      mapCenter {\n        lat\n        lng\n      }\n      mapZoom\n      tileUrl\n    }\n  }\n"): (typeof documents)["\n  query Partnership {\n    partnership {\n      name\n      timeZone\n      language\n      welcomeText\n      setupRequired\n      passwordResetByEmail\n      mapCenter {\n        lat\n        lng\n      }\n      mapZoom\n      tileUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublicIssue on CommunityIssue {\n    id\n    title\n    description\n    category\n    status\n    reportedAt\n    neighborhood {\n      id\n      name\n    }\n    supportersCount\n    version\n  }\n"): (typeof documents)["\n  fragment PublicIssue on CommunityIssue {\n    id\n    title\n    description\n    category\n    status\n    reportedAt\n    neighborhood {\n      id\n      name\n    }\n    supportersCount\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportIssue($input: ReportIssueInput!) {\n    reportIssue(input: $input) {\n      id\n      title\n      status\n      category\n      neighborhood {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReportIssue($input: ReportIssueInput!) {\n    reportIssue(input: $input) {\n      id\n      title\n      status\n      category\n      neighborhood {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublicSupportIssue($id: ID!) {\n    supportIssue(id: $id) {\n      id\n      supportersCount\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation PublicSupportIssue($id: ID!) {\n    supportIssue(id: $id) {\n      id\n      supportersCount\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicIssues($filter: IssueFilter, $first: Int!, $after: String) {\n    issues(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PublicIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublicIssues($filter: IssueFilter, $first: Int!, $after: String) {\n    issues(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PublicIssue\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicNeighborhoods {\n    neighborhoods {\n      id\n      name\n      centerLat\n      centerLng\n      boundary\n    }\n  }\n"): (typeof documents)["\n  query PublicNeighborhoods {\n    neighborhoods {\n      id\n      name\n      centerLat\n      centerLng\n      boundary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member {\n        id\n        name\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSetup($code: String!, $input: SetupInput!) {\n    completeSetup(code: $code, input: $input) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSetup($code: String!, $input: SetupInput!) {\n    completeSetup(code: $code, input: $input) {\n      token\n      member {\n        id\n        role\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;