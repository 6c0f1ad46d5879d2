import { fireEvent, screen } from '@testing-library/react';
import {
  fieldProps,
  mockLookups,
  renderField,
} from '../../__testUtils__/renderField';
import { ContainerImage } from './ContainerImage';

describe('ContainerImage', () => {
  it('trims what is typed or pasted, and keeps the case of the tag', async () => {
    const onChange = jest.fn();
    await renderField(
      <ContainerImage
        {...fieldProps({ schema: { title: 'Container image' }, onChange })}
      />,
      mockLookups(),
    );
    fireEvent.change(screen.getByLabelText('Container image'), {
      target: { value: ' ghcr.io/acme/orders:Release-1.4 ' },
    });
    expect(onChange).toHaveBeenLastCalledWith(
      'ghcr.io/acme/orders:Release-1.4',
    );
  });
});
