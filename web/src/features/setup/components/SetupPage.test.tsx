import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { SetupPage } from './SetupPage.js';
import { COMPLETE_SETUP_MUTATION } from '../graphql/mutations/completeSetup.mutation.js';
import {
  CODE,
  authPayload,
  linkErrorMock,
  linkMock,
  linkRefusal,
  renderLinkPage,
} from '../../access/testing/linkPage.js';
import { buildPartnership } from '../../partnership/testing/partnershipFixture.js';
import { browserTimeZone } from '../../../shared/timeZone.js';

afterEach(cleanup);

const beforeSetup = buildPartnership({ name: '', timeZone: 'UTC', setupRequired: true });
const path = `/setup?code=${CODE}`;

const INPUT = {
  partnershipName: 'Riverside Community Partnership',
  timeZone: 'America/Chicago',
  language: 'es',
  agencyName: 'Riverside Police Department',
  coordinatorName: 'Cora Coordinator',
  coordinatorEmail: 'cora@riverside.example',
  coordinatorPassword: 'correct horse battery',
};

/** Fills the form as a person pasting their details would (typing 150 characters is slow in jsdom). */
async function fillForm(user: ReturnType<typeof userEvent.setup>, confirm = INPUT.coordinatorPassword) {
  const enter = async (label: string, text: string) => {
    const field = screen.getByLabelText(label);
    await user.clear(field);
    await user.click(field);
    await user.paste(text);
  };
  await screen.findByLabelText('Partnership name');
  await enter('Partnership name', INPUT.partnershipName);
  await enter('Time zone', INPUT.timeZone);
  await user.selectOptions(screen.getByLabelText('Default language'), 'Español (Spanish)');
  await enter('Police agency', INPUT.agencyName);
  await enter('Your name', INPUT.coordinatorName);
  await enter('Email', INPUT.coordinatorEmail);
  await enter('Password', INPUT.coordinatorPassword);
  await enter('Confirm password', confirm);
}

/** The error line the field's aria-describedby points to. */
function errorOf(label: string): string | null {
  const field = screen.getByLabelText(label);
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'));
  return error?.textContent ?? null;
}

describe('SetupPage', () => {
  it('says where the setup link is when the address has no code', () => {
    renderLinkPage(<SetupPage />, { path: '/setup', mocks: [], partnership: beforeSetup });
    expect(screen.getByText('Open the setup link printed in the server’s log when it started.')).toBeTruthy();
    expect(screen.queryByLabelText('Partnership name')).toBeNull();
  });

  it('says setup is complete, and to sign in, once a coordinator exists', () => {
    renderLinkPage(<SetupPage />, { path, mocks: [], partnership: buildPartnership({ setupRequired: false }) });
    expect(screen.getByText('Setup is complete: sign in with the form at the top of the page.')).toBeTruthy();
    expect(screen.queryByLabelText('Partnership name')).toBeNull();
  });

  it.each([
    ['LINK_USED', 'This setup link has already been used'],
    ['LINK_EXPIRED', 'This setup link has expired'],
    ['NOT_FOUND', 'This setup link is not valid'],
  ] as const)('explains a refused link (%s) instead of showing the form', async (reason, title) => {
    renderLinkPage(<SetupPage />, { path, mocks: [linkErrorMock(reason)], partnership: beforeSetup });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(title);
    expect(screen.queryByLabelText('Partnership name')).toBeNull();
  });

  it('asks for the partnership, its agency and the first coordinator; the zone starts as the browser’s', async () => {
    renderLinkPage(<SetupPage />, { path, mocks: [linkMock('SETUP')], partnership: beforeSetup });
    await screen.findByLabelText('Partnership name');
    for (const label of ['Time zone', 'Default language', 'Police agency', 'Your name', 'Email', 'Password']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect((screen.getByLabelText('Time zone') as HTMLInputElement).value).toBe(browserTimeZone());
    expect((screen.getByLabelText('Default language') as HTMLSelectElement).value).toBe('en');
    // The zone list is searchable: every zone the browser knows is an option.
    const list = document.getElementById(screen.getByLabelText('Time zone').getAttribute('list') ?? '');
    expect(list?.querySelector('option[value="America/Chicago"]')).toBeTruthy();
  });

  it('names the chosen zone and catches mistakes before sending, next to each field', async () => {
    const user = userEvent.setup({ delay: null });
    const complete = vi.fn(() => ({ data: { completeSetup: authPayload('COORDINATOR') } }));
    renderLinkPage(<SetupPage />, {
      path,
      mocks: [
        linkMock('SETUP'),
        { request: { query: COMPLETE_SETUP_MUTATION, variables: () => true }, result: complete },
      ],
      partnership: beforeSetup,
    });
    await fillForm(user, 'correct horse batteyr');
    expect(screen.getByText(/Central Time \(America\/Chicago\): it is .* there now/)).toBeTruthy();
    const zone = screen.getByLabelText('Time zone');
    await user.clear(zone);
    await user.type(zone, 'Chicago');

    await user.click(screen.getByRole('button', { name: 'Set up Bridgeboard' }));

    expect(errorOf('Confirm password')).toBe('The two passwords are not the same.');
    expect(errorOf('Time zone')).toBe('Choose a time zone from the list, e.g. America/Chicago.');
    expect(document.activeElement).toBe(zone);
    expect(complete).not.toHaveBeenCalled();
  });

  it('shows the server’s problem next to the field it names', async () => {
    const user = userEvent.setup({ delay: null });
    renderLinkPage(<SetupPage />, {
      path,
      mocks: [
        linkMock('SETUP'),
        {
          request: { query: COMPLETE_SETUP_MUTATION, variables: { code: CODE, input: INPUT } },
          result: {
            errors: [
              new GraphQLError('coordinatorEmail must be an email address', {
                extensions: { code: 'BAD_USER_INPUT', field: 'input.coordinatorEmail' },
              }),
            ],
          },
        },
      ],
      partnership: beforeSetup,
    });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Set up Bridgeboard' }));

    await waitFor(() => expect(errorOf('Email')).toBe('Email must be an email address'));
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a link used meanwhile, and a setup someone else completed', async () => {
    const user = userEvent.setup({ delay: null });
    const used = {
      request: { query: COMPLETE_SETUP_MUTATION, variables: { code: CODE, input: INPUT } },
      result: { errors: [linkRefusal('LINK_USED')] },
    };
    const { unmount } = renderLinkPage(<SetupPage />, {
      path,
      mocks: [linkMock('SETUP'), used],
      partnership: beforeSetup,
    });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Set up Bridgeboard' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This setup link has already been used');
    unmount();

    const closed = {
      request: { query: COMPLETE_SETUP_MUTATION, variables: { code: CODE, input: INPUT } },
      result: {
        errors: [
          new GraphQLError('Setup is already complete', { extensions: { code: 'FORBIDDEN', reason: 'SETUP_CLOSED' } }),
        ],
      },
    };
    renderLinkPage(<SetupPage />, { path, mocks: [linkMock('SETUP'), closed], partnership: beforeSetup });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Set up Bridgeboard' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Setup is already complete: sign in with the form at the top of the page.',
    );
  });

  it('completes setup with what was typed and signs the coordinator in, to the admin area', async () => {
    const user = userEvent.setup({ delay: null });
    const { signIn } = renderLinkPage(<SetupPage />, {
      path,
      mocks: [
        linkMock('SETUP'),
        {
          request: { query: COMPLETE_SETUP_MUTATION, variables: { code: CODE, input: INPUT } },
          result: { data: { completeSetup: authPayload('COORDINATOR', 'token-of-cora') } },
        },
      ],
      partnership: beforeSetup,
    });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Set up Bridgeboard' }));

    await waitFor(() => expect(signIn).toHaveBeenCalledWith('token-of-cora', '/admin'));
  });
});
