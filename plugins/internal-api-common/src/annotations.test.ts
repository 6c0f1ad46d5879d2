import {
  consumersAnnotation,
  parseChangeIdAnnotation,
  parseConsumersAnnotation,
} from './annotations';

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

describe('the delegation-change annotation', () => {
  it('reads a Route 53 change id, bare or as Route 53 answers it', () => {
    expect(parseChangeIdAnnotation('C2682N5HXP0BZ4')).toBe('C2682N5HXP0BZ4');
    expect(parseChangeIdAnnotation(' /change/C2682N5HXP0BZ4 ')).toBe(
      'C2682N5HXP0BZ4',
    );
  });

  it('reads nothing that is not one, so no other text reaches AWS', () => {
    expect(parseChangeIdAnnotation(undefined)).toBeUndefined();
    expect(parseChangeIdAnnotation('')).toBeUndefined();
    expect(parseChangeIdAnnotation('c2682n5hxp0bz4')).toBeUndefined();
    expect(parseChangeIdAnnotation('/hostedzone/Z123')).toBeUndefined();
    expect(parseChangeIdAnnotation('C123/../x')).toBeUndefined();
  });
});
