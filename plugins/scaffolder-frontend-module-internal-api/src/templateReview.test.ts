import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

const template = yaml.parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../templates/internal-fargate-api/template.yaml',
    ),
    'utf8',
  ),
);

/** Every property schema under `schema`, with its path, nested ones and dependencies' too. */
function* propertiesOf(schema: any, at: string): Generator<[string, any]> {
  for (const [name, property] of Object.entries<any>(
    schema?.properties ?? {},
  )) {
    yield [`${at}.${name}`, property];
    yield* propertiesOf(property, `${at}.${name}`);
    yield* propertiesOf(property.items, `${at}.${name}[]`);
  }
  for (const dependency of Object.values<any>(schema?.dependencies ?? {})) {
    for (const branch of dependency?.oneOf ?? []) {
      yield* propertiesOf(branch, at);
    }
  }
}

describe("the template's Review page", () => {
  // Backstage's Review table draws a boolean as ✅ or ❌, which Debian's Chromium (no emoji font) draws as an empty box.
  it('shows no boolean value', () => {
    const properties: [string, any][] = template.spec.parameters.flatMap(
      (page: any) => [...propertiesOf(page, page.title)],
    );
    // The walk reaches nested and dependent properties (memoryMiB is in the cpu dependency).
    expect(properties.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'Service.name',
        'Placement.subnetFilters[].values',
        'Container.memoryMiB',
      ]),
    );
    const shownBooleans = properties
      .filter(([, property]) => property.type === 'boolean')
      .filter(
        ([, property]) =>
          property['ui:backstage']?.review?.show !== false &&
          !property['ui:backstage']?.review?.mask,
      )
      .map(([name]) => name);
    expect(shownBooleans).toEqual([]);
  });
});
