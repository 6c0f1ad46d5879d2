import { refuseMissingEntity } from './deregisterRequest';

// Which API goes must be said, before any AWS call: its entity, or that a
// creation failed half-way and has none (then every entity counts).
describe('naming the API a deregistration is for', () => {
  it('accepts an entity, or halfCreated, or neither when the API stays', () => {
    for (const request of [
      { entityRef: 'component:default/orders-api', decommission: true },
      { halfCreated: true, decommission: true },
      { decommission: false },
      { entityRef: 'component:default/orders-api', decommission: false },
    ]) {
      expect(() => refuseMissingEntity(request)).not.toThrow();
    }
  });

  it('refuses a decommission that names neither, saying both ways out', () => {
    expect(() => refuseMissingEntity({ decommission: true })).toThrow(
      /^decommission is true but entityRef is not set: name the API being decommissioned .* set halfCreated: true instead\.$/,
    );
  });

  it('refuses both at once: a creation that failed half-way has no entity', () => {
    expect(() =>
      refuseMissingEntity({
        halfCreated: true,
        entityRef: 'component:default/orders-api',
        decommission: true,
      }),
    ).toThrow(
      "halfCreated is true but entityRef is set ('component:default/orders-api'): a creation that failed half-way has no catalog entity.",
    );
  });
});
