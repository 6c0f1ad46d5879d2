import {
  extractSchemaFromStep,
  Form,
} from '@backstage/plugin-scaffolder-react/alpha';
import validator from '@rjsf/validator-ajv8';
import { render, screen } from '@testing-library/react';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

// The template is in this repository; its pages are rendered as an app without this package would.
const template = yaml.parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../templates/internal-fargate-api/template.yaml',
    ),
    'utf8',
  ),
);
const page = (title: string) =>
  extractSchemaFromStep(
    template.spec.parameters.find((p: { title: string }) => p.title === title),
  );

describe('the template in an app without these fields', () => {
  it('falls back to plain inputs for every field it names', () => {
    const placement = page('Placement');
    const { container } = render(
      <Form
        schema={placement.schema}
        uiSchema={placement.uiSchema}
        validator={validator}
        formData={{}}
      />,
    );
    const input = (id: string) =>
      container.querySelector<HTMLInputElement>(`input#root_${id}`);
    expect(input('accountId')?.type).toBe('text');
    expect(input('region')?.value).toBe('eu-west-1');
    expect(screen.getByRole('textbox', { name: /Filter/ })).toHaveValue(
      'tag:Tier',
    );
    // The resolved-subnets summary has nothing to show without the lookups: a hidden input.
    expect(input('placementSummary')?.type).toBe('hidden');
  });

  it('keeps the schema checks the fields would otherwise add to', () => {
    const placement = page('Placement');
    const network = page('Network & DNS');
    const messages = (schema: any, formData: object) =>
      validator
        .validateFormData(formData, schema)
        .errors.map(error => `${error.property} ${error.message}`);

    expect(
      messages(placement.schema, {
        accountId: '4444',
        region: 'eu-west-1',
        subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
      }),
    ).toEqual(['.accountId must match pattern "^[0-9]{12}$"']);
    expect(
      messages(network.schema, {
        domainName: 'Orders API',
        consumers: ['customer-api'],
      }),
    ).toEqual([expect.stringMatching(/^\.domainName must match pattern/)]);
  });
});
