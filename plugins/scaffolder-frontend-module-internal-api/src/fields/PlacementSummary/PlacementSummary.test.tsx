import { screen, waitFor } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { placementPreview, zone } from '../../__testUtils__/wireFixtures';
import { PlacementSummary } from './PlacementSummary';

const tierPrivate = [{ name: 'tag:Tier', values: ['private'] }];
const summary =
  'eu-west-1a: subnet-1 (10.20.1.0/24); eu-west-1b: subnet-3 (10.20.3.0/24)';

const lookupsAnsweringTwoZones = () => {
  const lookups = mockLookups();
  lookups.previewPlacement.mockResolvedValue(
    placementPreview([
      zone('eu-west-1a', ['subnet-1', '10.20.1.0/24']),
      zone('eu-west-1b', ['subnet-3', '10.20.3.0/24']),
    ]),
  );
  return lookups;
};

describe('PlacementSummary', () => {
  it('takes the resolved subnets of the account and filters on the page as its value', async () => {
    const lookups = lookupsAnsweringTwoZones();
    const onChange = jest.fn();
    await renderField(
      <PlacementSummary
        {...fieldProps({
          formContext: {
            formData: {
              accountId: '555566667777',
              region: 'eu-west-1',
              subnetFilters: tierPrivate,
            },
          },
          onChange,
        })}
      />,
      lookups,
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(summary));
    expect(screen.getByRole('textbox')).toHaveValue(summary);
    expect(lookups.previewPlacement).toHaveBeenCalledWith({
      accountId: '555566667777',
      region: 'eu-west-1',
      subnetFilters: tierPrivate,
    });
  });

  it('follows the parameters named in ui:options, e.g. accountField: workloadAccount', async () => {
    const lookups = lookupsAnsweringTwoZones();
    const onChange = jest.fn();
    await renderField(
      <PlacementSummary
        {...fieldProps({
          uiSchema: {
            'ui:options': {
              accountField: 'workloadAccount',
              regionField: 'workloadRegion',
              subnetFiltersField: 'placementFilters',
            },
          },
          // No accountId, region or subnetFilters: the defaults would look nothing up.
          formContext: {
            formData: {
              workloadAccount: '555566667777',
              workloadRegion: 'eu-west-1',
              placementFilters: tierPrivate,
            },
          },
          onChange,
        })}
      />,
      lookups,
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(summary));
    expect(lookups.previewPlacement).toHaveBeenCalledWith({
      accountId: '555566667777',
      region: 'eu-west-1',
      subnetFilters: tierPrivate,
    });
  });

  it('clears its value while the filters do not resolve to one subnet per zone', async () => {
    const lookups = mockLookups();
    lookups.previewPlacement.mockResolvedValue(
      placementPreview(
        [
          zone(
            'eu-west-1a',
            ['subnet-1', '10.20.1.0/24'],
            ['subnet-2', '10.20.2.0/24'],
          ),
        ],
        ['subnetFilters match more than one subnet in an Availability Zone'],
      ),
    );
    const onChange = jest.fn();
    await renderField(
      <PlacementSummary
        {...fieldProps({
          formData: 'eu-west-1a: subnet-1 (10.20.1.0/24)',
          formContext: {
            formData: {
              accountId: '555566667777',
              region: 'eu-west-1',
              subnetFilters: tierPrivate,
            },
          },
          onChange,
        })}
      />,
      lookups,
    );
    await waitFor(() => expect(lookups.previewPlacement).toHaveBeenCalled());
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(undefined));
    expect(screen.getByRole('textbox')).toHaveValue('');
  });
});
