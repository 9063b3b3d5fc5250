import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { ReportForm } from './ReportForm.js';
import { withIdempotencyKey } from '../../../shared/idempotencyKey.testing.js';
import { REPORT_ISSUE_MUTATION } from '../graphql/mutations/reportIssue.mutation.js';
import type { PublicNeighborhood } from '../graphql/queries/publicNeighborhoods.query.js';

afterEach(cleanup);

const box = (lat: number, lng: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [lng - 0.018, lat - 0.012],
        [lng + 0.018, lat - 0.012],
        [lng + 0.018, lat + 0.012],
        [lng - 0.018, lat + 0.012],
        [lng - 0.018, lat - 0.012],
      ],
    ],
  });

const neighborhoods: PublicNeighborhood[] = [
  {
    id: 'TmVpZ2hib3Job29kOjE',
    name: 'Eastside',
    centerLat: 45.523,
    centerLng: -122.642,
    boundary: box(45.523, -122.642),
  },
  {
    id: 'TmVpZ2hib3Job29kOjI',
    name: 'Old Town',
    centerLat: 45.524,
    centerLng: -122.676,
    boundary: box(45.524, -122.676),
  },
];

const reported = {
  __typename: 'CommunityIssue' as const,
  id: 'Q29tbXVuaXR5SXNzdWU6NDA',
  title: 'Broken swing at Alder park',
  status: 'OPEN' as const,
  category: 'SAFETY' as const,
  neighborhood: { __typename: 'Neighborhood' as const, id: 'TmVpZ2hib3Job29kOjI', name: 'Old Town' },
};

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Title'), 'Broken swing at Alder park');
  await user.selectOptions(screen.getByLabelText('Category'), 'Safety');
  await user.selectOptions(screen.getByLabelText('Neighborhood'), 'Old Town');
}

describe('ReportForm', () => {
  it('disables and clears the contact when reporting anonymously, and says nothing identifying is stored', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[]}>
        <ReportForm neighborhoods={neighborhoods} onReported={() => undefined} />
      </MockedProvider>,
    );
    const contact = screen.getByLabelText<HTMLInputElement>('Contact (optional)');
    await user.type(contact, 'ana@example.org');

    await user.click(screen.getByRole('checkbox', { name: 'Report anonymously' }));

    expect(contact.disabled).toBe(true);
    expect(contact.value).toBe('');
    expect(screen.getByText(/Nothing identifying is stored with this report/)).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: 'Report anonymously' }));
    expect(contact.disabled).toBe(false);
    expect(contact.value).toBe('');
  });

  it('submits an anonymous report with no contact, and hands back the new issue', async () => {
    const user = userEvent.setup();
    const onReported = vi.fn();
    const mocks = [
      {
        request: {
          query: REPORT_ISSUE_MUTATION,
          variables: withIdempotencyKey({
            input: {
              title: 'Broken swing at Alder park',
              description: 'The chain snapped.',
              category: 'SAFETY',
              neighborhoodId: 'TmVpZ2hib3Job29kOjI',
              location: null,
              anonymous: true,
              contact: null,
            },
          }),
        },
        result: { data: { reportIssue: reported } },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <ReportForm neighborhoods={neighborhoods} onReported={onReported} />
      </MockedProvider>,
    );
    await fillRequired(user);
    await user.type(screen.getByLabelText('Description (optional)'), 'The chain snapped.');
    await user.type(screen.getByLabelText('Contact (optional)'), 'ana@example.org');
    await user.click(screen.getByRole('checkbox', { name: 'Report anonymously' }));

    await user.click(screen.getByRole('button', { name: 'Report issue' }));

    await vi.waitFor(() => expect(onReported).toHaveBeenCalledWith(reported));
  });

  it('sends the contact and the pinned location with its address when not anonymous', async () => {
    const user = userEvent.setup();
    const onReported = vi.fn();
    const mocks = [
      {
        request: {
          query: REPORT_ISSUE_MUTATION,
          variables: withIdempotencyKey({
            input: {
              title: 'Broken swing at Alder park',
              description: '',
              category: 'SAFETY',
              // The pin fell in Eastside, so the neighborhood follows it.
              neighborhoodId: 'TmVpZ2hib3Job29kOjE',
              location: { lat: 45.523, lng: -122.642, address: 'Alder & 12th' },
              anonymous: false,
              contact: 'ana@example.org',
            },
          }),
        },
        result: { data: { reportIssue: reported } },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <ReportForm neighborhoods={neighborhoods} onReported={onReported} />
      </MockedProvider>,
    );
    await fillRequired(user);
    await user.selectOptions(screen.getByLabelText('Neighborhood'), 'Eastside');
    // The keyboard path: Enter drops the pin at the chosen neighborhood's centre.
    screen.getByRole('application', { name: /Location map/ }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByText(/Pin at 45\.52300, -122\.64200/)).toBeTruthy();
    await user.type(screen.getByLabelText('Address or nearest corner (optional)'), 'Alder & 12th');
    await user.type(screen.getByLabelText('Contact (optional)'), 'ana@example.org');

    await user.click(screen.getByRole('button', { name: 'Report issue' }));

    await vi.waitFor(() => expect(onReported).toHaveBeenCalledWith(reported));
  });

  it('sends the same idempotency key when the resident retries after a network error, and a new one for the next report', async () => {
    const user = userEvent.setup();
    const onReported = vi.fn();
    const input = {
      title: 'Broken swing at Alder park',
      description: '',
      category: 'SAFETY',
      neighborhoodId: 'TmVpZ2hib3Job29kOjI',
      location: null,
      anonymous: false,
      contact: null,
    };
    const keys: string[] = [];
    const request = { query: REPORT_ISSUE_MUTATION, variables: withIdempotencyKey({ input }, keys) };
    const mocks = [
      // The report may well have been filed: only the answer was lost.
      { request, error: new Error('Failed to fetch') },
      { request, result: { data: { reportIssue: reported } } },
      { request, result: { data: { reportIssue: { ...reported, id: 'Q29tbXVuaXR5SXNzdWU6NDE' } } } },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <ReportForm neighborhoods={neighborhoods} onReported={onReported} />
      </MockedProvider>,
    );
    await fillRequired(user);
    const send = screen.getByRole('button', { name: 'Report issue' });

    await user.click(send);
    expect((await screen.findByRole('alert')).textContent).toMatch(/./);
    expect(onReported).not.toHaveBeenCalled();
    await user.click(send);
    await vi.waitFor(() => expect(onReported).toHaveBeenCalledWith(reported));
    await user.click(send);
    await vi.waitFor(() => expect(onReported).toHaveBeenCalledTimes(2));

    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{1,255}$/);
  });

  it('shows the server message next to the form and on the field it names', async () => {
    const user = userEvent.setup();
    const mocks = [
      {
        request: {
          query: REPORT_ISSUE_MUTATION,
          variables: withIdempotencyKey({
            input: {
              title: 'ab',
              description: '',
              category: 'SAFETY',
              neighborhoodId: 'TmVpZ2hib3Job29kOjI',
              location: null,
              anonymous: false,
              contact: null,
            },
          }),
        },
        result: {
          errors: [
            new GraphQLError('title must be 3 to 200 characters', {
              extensions: { code: 'BAD_USER_INPUT', fields: ['title'] },
            }),
          ],
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <ReportForm neighborhoods={neighborhoods} onReported={() => undefined} />
      </MockedProvider>,
    );
    await user.type(screen.getByLabelText('Title'), 'ab');
    await user.selectOptions(screen.getByLabelText('Category'), 'Safety');
    await user.selectOptions(screen.getByLabelText('Neighborhood'), 'Old Town');

    await user.click(screen.getByRole('button', { name: 'Report issue' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Title must be 3 to 200 characters.');
    const title = screen.getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Title must be 3 to 200 characters',
    );

    // Editing the field takes its stale message away, and the summary with it.
    await user.type(title, 'c');
    expect(title.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the category and neighborhood before sending', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[]}>
        <ReportForm neighborhoods={neighborhoods} onReported={() => undefined} />
      </MockedProvider>,
    );
    await user.type(screen.getByLabelText('Title'), 'Broken swing');

    await user.click(screen.getByRole('button', { name: 'Report issue' }));

    expect(screen.getByRole('alert').textContent).toBe('Some details are missing: see the highlighted fields.');
    expect(screen.getByLabelText('Category').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Neighborhood').getAttribute('aria-invalid')).toBe('true');
  });
});
