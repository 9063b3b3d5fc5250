import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { CREATE_NEIGHBORHOOD_MUTATION } from '../graphql/mutations/createNeighborhood.mutation.js';
import { IMPORT_NEIGHBORHOODS_MUTATION } from '../graphql/mutations/importNeighborhoods.mutation.js';
import { RETIRE_NEIGHBORHOOD_MUTATION } from '../graphql/mutations/retireNeighborhood.mutation.js';
import { ADMIN_NEIGHBORHOODS_QUERY } from '../graphql/queries/adminNeighborhoods.query.js';
import { buildNeighborhood, squareRing } from '../testing/adminFixtures.js';
import { NeighborhoodsPage } from './NeighborhoodsPage.js';

afterEach(cleanup);

const EASTSIDE = buildNeighborhood();
const ISLANDS = buildNeighborhood({
  id: 'TmVpZ2hib3Job29kOjI',
  name: 'Harbor Islands',
  boundary: JSON.stringify({
    type: 'MultiPolygon',
    coordinates: [
      [squareRing(-87.66, 41.8, 0.01)],
      [squareRing(-87.64, 41.8, 0.01), squareRing(-87.637, 41.803, 0.003)],
    ],
  }),
  centerLat: 41.805,
  centerLng: -87.645,
});
const OLD_MILL = buildNeighborhood({
  id: 'TmVpZ2hib3Job29kOjM',
  name: 'Old Mill',
  boundary: JSON.stringify({ type: 'Polygon', coordinates: [squareRing(-87.7, 41.78, 0.015)] }),
  centerLat: 41.787,
  centerLng: -87.692,
  retired: true,
  retiredAt: '2026-11-02T10:00:00.000Z',
});

const list = (neighborhoods: ReturnType<typeof buildNeighborhood>[]): MockLink.MockedResponse => ({
  request: { query: ADMIN_NEIGHBORHOODS_QUERY },
  result: { data: { neighborhoods } },
});

function renderPage(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={[list([EASTSIDE, ISLANDS, OLD_MILL]), ...mocks]}>
      <NeighborhoodsPage />
    </MockedProvider>,
  );
}

const FILE = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { NAME: 'Eastside', beat: 11 },
      geometry: { type: 'Polygon', coordinates: [squareRing(-87.7, 41.8, 0.02)] },
    },
    {
      type: 'Feature',
      properties: { NAME: 'Riverbend', beat: 12 },
      geometry: { type: 'Polygon', coordinates: [squareRing(-87.6, 41.8, 0.02)] },
    },
    { type: 'Feature', properties: { beat: 13 }, geometry: { type: 'Polygon', coordinates: [] } },
  ],
});
const ref = (id: string, name: string) => ({ __typename: 'Neighborhood' as const, id, name });

describe('NeighborhoodsPage', () => {
  it('draws every shape, holes and islands included; retired ones dashed, with a legend in words', async () => {
    renderPage([]);
    const map = await screen.findByRole('img', { name: /^Map of 3 neighborhoods, 1 retired/ });
    const areas = [...map.querySelectorAll('path.admin-map__area')];
    expect(areas).toHaveLength(3);
    expect(areas.every((a) => a.getAttribute('fill-rule') === 'evenodd')).toBe(true);
    const retired = map.querySelectorAll('path.admin-map__area.is-retired');
    expect(retired).toHaveLength(1);
    // The island neighborhood is one path of three rings (two islands, one hole).
    const islands = areas.find(
      (a) => !a.classList.contains('is-retired') && a.getAttribute('d')?.match(/M/g)?.length === 3,
    );
    expect(islands).toBeTruthy();
    expect(within(map).getByText('Old Mill (retired)')).toBeTruthy();
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(legend.textContent).toContain('Retired: grey, dashed outline, “(retired)” after the name');
    const row = screen.getByRole('rowheader', { name: 'Old Mill' }).closest('tr')!;
    expect(within(row).getByText(/^Retired /)).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Restore' })).toBeTruthy();
  });

  it('imports a file: offers its properties as the name, sends the choice, and lists every outcome and error', async () => {
    const imported = vi.fn(() => ({
      data: {
        importNeighborhoods: {
          __typename: 'NeighborhoodImportResult',
          created: [ref('TmVpZ2hib3Job29kOjQ', 'Riverbend')],
          updated: [],
          unchanged: [ref(EASTSIDE.id, 'Eastside')],
          retired: [ref(ISLANDS.id, 'Harbor Islands')],
          deleted: ['Old Mill'],
          errors: [
            {
              __typename: 'NeighborhoodImportError',
              index: 2,
              name: null,
              message: 'feature 2: the NAME property is missing or empty',
            },
          ],
        },
      },
    }));
    renderPage([
      {
        request: {
          query: IMPORT_NEIGHBORHOODS_MUTATION,
          variables: { geojson: FILE, nameProperty: 'NAME', retireMissing: true },
        },
        result: imported,
      },
      list([
        EASTSIDE,
        buildNeighborhood({ id: 'TmVpZ2hib3Job29kOjQ', name: 'Riverbend' }),
        { ...ISLANDS, retired: true },
      ]),
    ]);
    const form = await screen.findByRole('group', { name: 'Import from a GeoJSON file' });
    const input = within(form).getByLabelText('GeoJSON file') as HTMLInputElement;
    expect(input.accept).toBe('.geojson,.json,application/geo+json');
    await userEvent.upload(input, new File([FILE], 'beats.geojson', { type: 'application/geo+json' }));

    expect(await within(form).findByText('beats.geojson: 3 features.')).toBeTruthy();
    const property = within(form).getByLabelText('Name property') as HTMLSelectElement;
    expect([...property.options].map((o) => o.value)).toEqual(['beat', 'NAME']);
    // No exact `name`: the case-insensitive match is preselected.
    expect(property.value).toBe('NAME');
    await userEvent.click(within(form).getByLabelText('Retire neighborhoods missing from the file'));
    await userEvent.click(within(form).getByRole('button', { name: 'Import' }));

    const summary = await screen.findByRole('region', { name: /Import finished; 1 feature was refused/ });
    expect(imported).toHaveBeenCalledTimes(1);
    const counts = [...summary.querySelectorAll('dl > div')].map((d) => d.textContent);
    expect(counts).toEqual([
      'Created1: Riverbend',
      'Updated0',
      'Unchanged1: Eastside',
      'Retired1: Harbor Islands',
      'Deleted1: Old Mill',
    ]);
    expect(within(summary).getByRole('alert').textContent).toContain(
      'Feature 2 (no name): feature 2: the NAME property is missing or empty',
    );
    expect(await screen.findByRole('rowheader', { name: 'Riverbend' })).toBeTruthy();
  });

  it('says at once when the file is not a FeatureCollection, and shows a refused file next to the file input', async () => {
    const geometry = JSON.stringify({ type: 'Polygon', coordinates: [squareRing(0, 0, 1)] });
    const huge = JSON.stringify({ type: 'FeatureCollection', features: [] });
    renderPage([
      {
        request: {
          query: IMPORT_NEIGHBORHOODS_MUTATION,
          variables: { geojson: huge, nameProperty: 'name', retireMissing: false },
        },
        result: {
          errors: [
            new GraphQLError('geojson holds no features', { extensions: { code: 'BAD_USER_INPUT', field: 'geojson' } }),
          ],
        },
      },
    ]);
    const form = await screen.findByRole('group', { name: 'Import from a GeoJSON file' });
    const input = within(form).getByLabelText('GeoJSON file');
    await userEvent.upload(input, new File([geometry], 'one.json', { type: 'application/json' }));
    expect(await within(form).findByText('This file is not a GeoJSON FeatureCollection.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await userEvent.upload(input, new File([huge], 'empty.json', { type: 'application/json' }));
    await within(form).findByText('empty.json: 0 features.');
    await userEvent.click(within(form).getByRole('button', { name: 'Import' }));
    // The server's "geojson …" reads by the form's own words.
    expect(await within(form).findByText('The file holds no features', { selector: '.field-error' })).toBeTruthy();
    expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe(
      'The file holds no features',
    );
  });

  it('creates one neighborhood from pasted GeoJSON, and shows a refused shape next to it', async () => {
    const boundary = '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0.5]]]}';
    renderPage([
      {
        request: { query: CREATE_NEIGHBORHOOD_MUTATION, variables: { input: { name: 'Riverbend', boundary } } },
        result: {
          errors: [
            new GraphQLError('ring 0 is not closed (first and last positions differ)', {
              extensions: { code: 'BAD_USER_INPUT', field: 'input.boundary' },
            }),
          ],
        },
      },
    ]);
    const form = await screen.findByRole('group', { name: 'Add one neighborhood' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Riverbend');
    const shape = within(form).getByLabelText('Shape (GeoJSON)');
    await userEvent.click(shape);
    await userEvent.paste(boundary);
    await userEvent.click(within(form).getByRole('button', { name: 'Add neighborhood' }));
    await waitFor(() => expect(shape.getAttribute('aria-invalid')).toBe('true'));
    expect(
      within(form).getByText('ring 0 is not closed (first and last positions differ)', { selector: '.field-error' }),
    ).toBeTruthy();
  });

  it('retires a neighborhood only after asking', async () => {
    const retired = vi.fn(() => ({
      data: { retireNeighborhood: { ...EASTSIDE, retired: true, retiredAt: '2026-12-01T09:00:00.000Z' } },
    }));
    renderPage([{ request: { query: RETIRE_NEIGHBORHOOD_MUTATION, variables: { id: EASTSIDE.id } }, result: retired }]);
    const row = (await screen.findByRole('rowheader', { name: 'Eastside' })).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Retire' }));
    expect(within(row).getByText(/No new reports can be placed in it/)).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: 'Yes, retire' }));
    expect(await within(row).findByText('Eastside is retired.')).toBeTruthy();
    expect(retired).toHaveBeenCalledTimes(1);
    expect(within(row).getByRole('button', { name: 'Restore' })).toBeTruthy();
  });
});
