// IPv4 CIDR arithmetic for the rules (routes, placement): pure, no I/O.

const toRange = (cidr: string) => {
  const [address, bits] = cidr.split('/');
  const start = address
    .split('.')
    .reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(bits));
  return {
    start: start - (start % size),
    end: start - (start % size) + size - 1,
    bits: Number(bits),
  };
};

export const prefixLength = (cidr: string): number => toRange(cidr).bits;

export function cidrsOverlap(a: string, b: string): boolean {
  const x = toRange(a);
  const y = toRange(b);
  return x.start <= y.end && y.start <= x.end;
}

/** Whether every address of `inner` is in `outer`. */
export function cidrContains(outer: string, inner: string): boolean {
  const x = toRange(outer);
  const y = toRange(inner);
  return x.start <= y.start && y.end <= x.end;
}
