#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readAwsRolesConfigFile } from '../src/configFile';
import { addRolesStacks } from '../src/rolesApp';

const app = new App();
const configPath = app.node.tryGetContext('config') ?? 'aws-roles.yaml';
addRolesStacks(app, readAwsRolesConfigFile(configPath));
// Every AwsSolutions finding fails synth unless acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
