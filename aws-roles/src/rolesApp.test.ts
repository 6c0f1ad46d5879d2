import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildRolesApp } from './rolesApp';
import { rolesConfig } from './__testUtils__/rolesLandscape';

const CFN_LINT_INSTALL =
  'cfn-lint is not on PATH. Install it with `pip install cfn-lint==1.51.0` (the CI puts $HOME/.pyenv/shims on PATH).';

/** IAM's limit for a customer managed policy document, whitespace not counted. */
const MANAGED_POLICY_MAX_CHARS = 6144;

// The real synth, as `cdk synth` does it: cdk.json's flags, CDK's CloudFormation
// validation and cdk-nag's AwsSolutions checks. Any finding not acknowledged throws here.
describe('the roles app, synthesized as cdk synth does', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-roles-synth-'));
  let templates: string[] = [];

  beforeAll(() => {
    const config = rolesConfig({
      github: {
        owner: 'acme',
        repositories: ['orders-api'],
        createOidcProvider: true,
      },
    });
    buildRolesApp(config, { outdir }).app.synth();
    templates = fs
      .readdirSync(outdir)
      .filter(file => file.endsWith('.template.json'))
      .map(file => path.join(outdir, file));
  });

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('passes cdk-nag AwsSolutions with every finding acknowledged for a reason', () => {
    // synth threw in beforeAll otherwise; the report lists no plugin findings.
    const report = JSON.parse(
      fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'),
    );
    expect(
      report.pluginReports.flatMap(
        (r: { violations?: unknown[] }) => r.violations ?? [],
      ),
    ).toEqual([]);
    expect(templates).toHaveLength(6);
  });

  it('passes cfn-lint', () => {
    const lint = spawnSync('cfn-lint', ['--', ...templates], {
      encoding: 'utf8',
    });
    if (lint.error) {
      throw new Error(`${CFN_LINT_INSTALL} (${lint.error.message})`);
    }
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);
  });

  it('keeps every managed policy within IAM’s size limit', () => {
    const oversized = templates.flatMap(file =>
      Object.entries<any>(JSON.parse(fs.readFileSync(file, 'utf8')).Resources)
        .filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy')
        .map(([id, r]) => ({
          id,
          size: JSON.stringify(r.Properties.PolicyDocument).length,
        }))
        .filter(({ size }) => size > MANAGED_POLICY_MAX_CHARS),
    );
    expect(oversized).toEqual([]);
  });
});
