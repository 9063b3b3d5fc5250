import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { useBoardFilters } from '../useBoardFilters.js';
import { BoardFilterBar } from './BoardFilterBar.js';

afterEach(cleanup);

const NEIGHBORHOODS = [
  { id: 'TmVpZ2hib3Job29kOjE', name: 'Eastside' },
  { id: 'TmVpZ2hib3Job29kOjI', name: 'Northgate' },
];
const ORGANIZATIONS = [
  { id: 'T3JnYW5pemF0aW9uOjE', name: 'Riverside Police Department' },
  { id: 'T3JnYW5pemF0aW9uOjI', name: 'Eastside Youth Alliance' },
];

/** Where the router is: the filters must be readable from, and written to, the URL. */
function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{pathname + search}</output>;
}

function FiltersFromUrl() {
  const { filters, update, clear } = useBoardFilters();
  return (
    <BoardFilterBar
      filters={filters}
      neighborhoods={NEIGHBORHOODS}
      organizations={ORGANIZATIONS}
      viewerOrganizationName="Eastside Youth Alliance"
      onChange={update}
      onClear={clear}
    />
  );
}

function renderAt(url: string) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <FiltersFromUrl />
      <LocationProbe />
    </MemoryRouter>,
  );
}

const location = () => screen.getByTestId('location').textContent;
const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('BoardFilterBar and the URL', () => {
  it('shows the filters of a shared link', () => {
    renderAt('/board?neighborhood=TmVpZ2hib3Job29kOjI&category=NOISE&organization=T3JnYW5pemF0aW9uOjI&q=barking');
    expect(select('Neighborhood').value).toBe('TmVpZ2hib3Job29kOjI');
    expect(select('Category').value).toBe('NOISE');
    expect(select('Organization').value).toBe('T3JnYW5pemF0aW9uOjI');
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('barking');
    expect((screen.getByRole('checkbox', { name: 'Shared with my organization' }) as HTMLInputElement).checked).toBe(
      false,
    );
  });

  it('ignores a category the board does not know', () => {
    renderAt('/board?category=DRAGONS');
    expect(select('Category').value).toBe('');
  });

  it('writes each choice into the URL, keeping the others', async () => {
    renderAt('/board');
    expect(location()).toBe('/board');
    await userEvent.selectOptions(select('Neighborhood'), 'Eastside');
    expect(location()).toBe('/board?neighborhood=TmVpZ2hib3Job29kOjE');
    await userEvent.selectOptions(select('Category'), 'Lighting');
    expect(location()).toBe('/board?neighborhood=TmVpZ2hib3Job29kOjE&category=LIGHTING');
    await userEvent.selectOptions(select('Neighborhood'), 'All neighborhoods');
    expect(location()).toBe('/board?category=LIGHTING');
  });

  it('“Shared with my organization” replaces the organization filter', async () => {
    renderAt('/board?organization=T3JnYW5pemF0aW9uOjE');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Shared with my organization' }));
    expect(location()).toBe('/board?shared=1');
    expect(select('Organization').disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Shared with my organization' }));
    expect(location()).toBe('/board');
  });

  it('puts the search into the URL once typing pauses', async () => {
    renderAt('/board');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'street light');
    expect(location()).toBe('/board');
    await waitFor(() => expect(location()).toBe('/board?q=street+light'));
  });

  it('clears every filter at once, and offers to only when something is filtered', async () => {
    renderAt('/board?category=NOISE&shared=1&q=dog&drawer=keep');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location()).toBe('/board?drawer=keep');
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });
});
