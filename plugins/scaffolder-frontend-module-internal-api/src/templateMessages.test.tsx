import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

// The templates are in this repository: their pages as the scaffolder backend serves them to the form.
const readTemplate = (file: string) =>
  yaml.parse(
    fs.readFileSync(
      path.resolve(__dirname, '../../../templates/internal-fargate-api', file),
      'utf8',
    ),
  );
const template = readTemplate('template.yaml');
/** Every template a person fills in: the create template and the day-2 ones. */
const TEMPLATE_FILES = [
  'template.yaml',
  'change-consumers.yaml',
  'decommission.yaml',
];
const manifest = {
  title: template.metadata.title,
  steps: template.spec.parameters.map(
    (schema: { title: string; description: string }) => ({
      title: schema.title,
      description: schema.description,
      schema,
    }),
  ),
};

/** The keywords of a property that refuse a value, each needing its own sentence. */
const CHECKS = [
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'uniqueItems',
  'minimum',
  'maximum',
];

/** Every property schema of the pages, nested ones (array items, their properties) included. */
function* propertiesOf(
  schema: any,
  at: string,
): Generator<[string, Record<string, any>]> {
  for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
    yield [`${at}.${name}`, property];
    yield* propertiesOf(property, `${at}.${name}`);
    if (property.items) {
      yield [`${at}.${name}[]`, property.items];
      yield* propertiesOf(property.items, `${at}.${name}[]`);
    }
  }
}

const field = (label: RegExp) => screen.getByRole('textbox', { name: label });
// OwnerPicker is Backstage's: drawn here as the plain input of an app without it, which has no label.
const owner = () => document.querySelector('input#root_owner')!;
const next = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
/** The error list the scaffolder draws at the top of the page (the first list in the form). */
const banner = () =>
  [...(document.querySelector('form ul')?.querySelectorAll('li') ?? [])].map(
    item => item.textContent,
  );

describe("the template's messages", () => {
  it('give a sentence for every check a property makes, ending in an example, in every template', () => {
    const missing: string[] = [];
    for (const file of TEMPLATE_FILES) {
      for (const page of readTemplate(file).spec.parameters) {
        for (const [at, property] of propertiesOf(
          page,
          `${file}: ${page.title}`,
        )) {
          for (const check of CHECKS.filter(c => c in property)) {
            const message = property.errorMessage?.[check];
            if (
              typeof message !== 'string' ||
              !/^[A-Z$].*[.]$/.test(message) ||
              !/(e\.g\.|each once|from the list)/.test(message)
            ) {
              missing.push(`${at} ${check}`);
            }
          }
        }
        for (const name of page.required ?? []) {
          if (!page.errorMessage?.required?.[name]) {
            missing.push(`${file}: ${page.title} required ${name}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('are what the form shows, at the top and under the field, instead of the pattern', async () => {
    await renderInTestApp(
      <Stepper manifest={manifest} extensions={[]} onCreate={jest.fn()} />,
    );
    fireEvent.change(field(/^Name/), { target: { value: 'Orders-API' } });
    fireEvent.change(field(/^Description/), {
      target: { value: 'Orders for the customer API' },
    });
    fireEvent.change(owner(), {
      target: { value: 'group:default/platform-engineering' },
    });
    next();

    const sentence =
      '"Orders-API" is not a valid name: use 3–40 lower-case letters, digits and hyphens, starting with a letter and ending with a letter or digit, e.g. orders-api.';
    // At the top the scaffolder puts the field's title in front.
    await screen.findByText(sentence);
    expect(banner()).toEqual([`'Name' ${sentence}`]);
    expect(screen.queryByText(/must match pattern/)).not.toBeInTheDocument();
  });

  it('say what is missing when a required value is left out', async () => {
    await renderInTestApp(
      <Stepper manifest={manifest} extensions={[]} onCreate={jest.fn()} />,
    );
    fireEvent.change(field(/^Description/), {
      target: { value: 'Orders for the customer API' },
    });
    fireEvent.change(owner(), {
      target: { value: 'group:default/platform-engineering' },
    });
    // The browser asks for an empty required text input itself ("Please fill out this field");
    // pickers (an account, consumers) and an app without them reach the form's check.
    fireEvent.submit(document.querySelector('form')!);
    // Said for the page (a missing value has no field of its own in the check), at the top and below.
    expect(
      await screen.findAllByText('Give the API a name, e.g. orders-api.'),
    ).toHaveLength(2);
    expect(banner()).toEqual(['Give the API a name, e.g. orders-api.']);
    expect(
      screen.queryByText(/must have required property/),
    ).not.toBeInTheDocument();
  });
});
