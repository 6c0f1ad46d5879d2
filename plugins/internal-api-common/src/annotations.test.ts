import { consumersAnnotation, parseConsumersAnnotation } from './annotations';

describe('the consumers annotation', () => {
  it('writes a set: sorted, without repeats', () => {
    expect(
      consumersAnnotation(['partner-api', 'customer-api', 'partner-api']),
    ).toBe('customer-api,partner-api');
    expect(consumersAnnotation([])).toBe('');
  });

  it('reads back what it wrote, and what a person typed by hand', () => {
    expect(parseConsumersAnnotation('customer-api,partner-api')).toEqual([
      'customer-api',
      'partner-api',
    ]);
    expect(parseConsumersAnnotation(' customer-api , ,partner-api ')).toEqual([
      'customer-api',
      'partner-api',
    ]);
    expect(parseConsumersAnnotation('')).toEqual([]);
    expect(parseConsumersAnnotation(undefined)).toEqual([]);
  });
});
