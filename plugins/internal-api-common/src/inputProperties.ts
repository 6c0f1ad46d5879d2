import type { z as zod } from 'zod/v3';
import {
  ACCOUNT_ID,
  API_NAME,
  API_NAME_MAX_LENGTH,
  DOMAIN_NAME_MIN_LENGTH,
  ROUTE_TABLE_ID,
  VPC_ID,
} from './inputPatterns';

// Zod fragments of the actions' inputs, declared once (the way Backstage's
// GitHub module shares its `inputProperties`). The actions add their own
// `.describe()`; the lookups router validates request bodies with the same
// fragments, so a value the form may send is one the task accepts. `zod` is
// passed in (the scaffolder hands each action its zod), never imported here,
// which keeps it out of the browser bundle.

type Zod = typeof zod;

export const accountId = (z: Zod) => z.string().regex(...ACCOUNT_ID);

export const region = (z: Zod) => z.string().min(1);

export const vpcId = (z: Zod) => z.string().regex(...VPC_ID);

export const subnetFilters = (z: Zod) =>
  z
    .array(z.object({ name: z.string().min(1), values: z.array(z.string()) }))
    .default([]);

export const domainName = (z: Zod) => z.string().min(DOMAIN_NAME_MIN_LENGTH);

export const apiName = (z: Zod) =>
  z
    .string()
    .max(API_NAME_MAX_LENGTH)
    .regex(...API_NAME);

/** The API's subnets as internal-api:placement:resolve outputs them; only the route table is read. */
export const placedSubnets = (z: Zod) =>
  z
    .array(
      z
        .object({ routeTableId: z.string().regex(ROUTE_TABLE_ID[0]) })
        .passthrough(),
    )
    .min(1);

export const consumerNames = (z: Zod) => z.array(z.string());

export const planOnly = (z: Zod) =>
  z
    .boolean()
    .default(false)
    .describe(
      'Check and plan only, writing nothing (as in a dry-run): lets a template validate before its first write',
    );

/** A folder of the task's workspace (the day-2 actions' checked-out repository); the workspace itself by default. */
export const repositoryPath = (z: Zod) => z.string().default('.');
