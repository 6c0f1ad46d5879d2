#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { InternalApiStack } from '../lib/internal-api-stack';
import { loadServiceConfig } from '../lib/service-config';

const config = loadServiceConfig();
const app = new App();
new InternalApiStack(app, config.name, {
  env: { account: config.accountId, region: config.region },
  description: config.description,
  config,
});
// Every AwsSolutions finding fails synth unless acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
