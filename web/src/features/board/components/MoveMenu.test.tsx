import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { IssueStatus } from '../../../graphql/generated/graphql.js';
import { MoveMenu } from './MoveMenu.js';

afterEach(cleanup);

const TITLE = 'Streetlight out on Alder & 12th';

function renderMenu(status: IssueStatus, onMove = vi.fn()) {
  render(<MoveMenu issueTitle={TITLE} status={status} onMove={onMove} />);
  return { onMove, button: screen.getByRole('button', { name: `Move ${TITLE}` }) };
}

async function menuItems(status: IssueStatus): Promise<string[]> {
  const { button } = renderMenu(status);
  await userEvent.click(button);
  const names = screen.getAllByRole('menuitem').map((item) => item.textContent ?? '');
  cleanup();
  return names;
}

describe('MoveMenu', () => {
  it('offers only the statuses the issue may move to, by their labels', async () => {
    expect(await menuItems('OPEN')).toEqual(['Acknowledged', 'In progress', 'Resolved', 'Closed']);
    expect(await menuItems('ACKNOWLEDGED')).toEqual(['In progress', 'Resolved', 'Closed']);
    expect(await menuItems('IN_PROGRESS')).toEqual(['Acknowledged', 'Resolved', 'Closed']);
    expect(await menuItems('RESOLVED')).toEqual(['Open', 'In progress', 'Closed']);
  });

  it('is a menu button: closed until asked, then a menu named for the issue', async () => {
    const { button } = renderMenu('OPEN');
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    await userEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('menu', { name: `Move “${TITLE}” to` })).toBeTruthy();
  });

  it('works from the keyboard: Enter opens, arrows move, Enter chooses, focus returns', async () => {
    const { button, onMove } = renderMenu('OPEN');
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(document.activeElement?.textContent).toBe('Acknowledged');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('In progress');
    await userEvent.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe('Closed');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Acknowledged');
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Resolved');
    await userEvent.keyboard('{Enter}');
    expect(onMove).toHaveBeenCalledExactlyOnceWith('RESOLVED');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('opens on ArrowUp at the last item, and Escape closes without moving', async () => {
    const { button, onMove } = renderMenu('RESOLVED');
    button.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Closed');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(onMove).not.toHaveBeenCalled();
  });

  it('closes when the pointer goes elsewhere', async () => {
    const { button } = renderMenu('OPEN');
    await userEvent.click(button);
    await userEvent.click(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
