import { InputError } from '@backstage/errors';
import {
  consumersAnnotation,
  INTERNAL_API_ANNOTATIONS,
} from '@internal/plugin-internal-api-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isScalar, parseAllDocuments } from 'yaml';

/** The files of a generated repository that name the API's consumers (see the skeleton). */
export const SERVICE_CONFIG_FILE = 'config/service.json';
export const CATALOG_INFO_FILE = 'catalog-info.yaml';

export interface ConsumerCidr {
  name: string;
  cidr: string;
}

/** What the day-2 steps read from config/service.json: where the API runs and who calls it. */
export interface ServiceRepositoryFacts {
  name: string;
  accountId: string;
  region: string;
  vpcId: string;
  /** The API's subnets with their route tables: register-routes writes the return routes there. */
  subnets: { subnetId: string; routeTableId: string }[];
  consumers: ConsumerCidr[];
}

async function readText(dir: string, file: string) {
  try {
    return await fs.readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(
        `${file} is missing from the repository: this is not a repository the Internal Fargate API template created, ` +
          'or the file was moved. Restore it, or change the API by hand.',
      );
    }
    throw error;
  }
}

function parseConfig(text: string) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${SERVICE_CONFIG_FILE} is not valid JSON (${
        (error as Error).message
      }): fix it on the default branch first.`,
    );
  }
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value !== '';

/**
 * Reads config/service.json of the repository checked out at `dir`. Only
 * the fields day 2 needs are checked, each refusal naming the field: the
 * repository's own synth validates the rest.
 */
export async function readServiceRepository(
  dir: string,
): Promise<ServiceRepositoryFacts> {
  const config = parseConfig(await readText(dir, SERVICE_CONFIG_FILE));
  const problems: string[] = [];
  const need = (value: unknown, field: string) => {
    if (!isText(value)) {
      problems.push(`${field} is ${JSON.stringify(value) ?? 'missing'}`);
    }
  };
  need(config?.name, 'name');
  need(config?.accountId, 'accountId');
  need(config?.region, 'region');
  need(config?.network?.vpcId, 'network.vpcId');
  const subnets: unknown = config?.network?.subnets;
  if (
    !Array.isArray(subnets) ||
    subnets.length === 0 ||
    !subnets.every(s => isText(s?.subnetId) && isText(s?.routeTableId))
  ) {
    problems.push('network.subnets is not a list of subnets with routeTableId');
  }
  const consumers: unknown = config?.consumers;
  if (
    !Array.isArray(consumers) ||
    !consumers.every(c => isText(c?.name) && isText(c?.cidr))
  ) {
    problems.push('consumers is not a list of { name, cidr }');
  }
  if (problems.length > 0) {
    throw new InputError(
      `${SERVICE_CONFIG_FILE} cannot be changed safely: ${problems.join(
        '; ',
      )}. Fix it on the default branch first.`,
    );
  }
  return {
    name: config.name,
    accountId: config.accountId,
    region: config.region,
    vpcId: config.network.vpcId,
    subnets: config.network.subnets,
    consumers: (consumers as ConsumerCidr[]).map(({ name, cidr }) => ({
      name,
      cidr,
    })),
  };
}

/** config/service.json with `consumers` replaced: every other field, their order and the indent stay. */
function withConsumers(text: string, consumers: ConsumerCidr[]) {
  const config = parseConfig(text);
  config.consumers = consumers.map(({ name, cidr }) => ({ name, cidr }));
  return `${JSON.stringify(config, null, 2)}${text.endsWith('\n') ? '\n' : ''}`;
}

/** catalog-info.yaml with the Component's consumers annotation set; comments and layout stay. */
function withConsumersAnnotation(text: string, consumers: ConsumerCidr[]) {
  const documents = parseAllDocuments(text);
  const key = ['metadata', 'annotations', INTERNAL_API_ANNOTATIONS.consumers];
  const component = Array.isArray(documents)
    ? documents.find(
        document =>
          document.errors.length === 0 &&
          document.get('kind') === 'Component' &&
          document.hasIn([
            'metadata',
            'annotations',
            INTERNAL_API_ANNOTATIONS.domain,
          ]),
      )
    : undefined;
  if (!component) {
    throw new InputError(
      `${CATALOG_INFO_FILE} has no Component with the ${INTERNAL_API_ANNOTATIONS.domain} annotation: ` +
        'restore the Component the template wrote, or change the API by hand.',
    );
  }
  const value = consumersAnnotation(consumers.map(consumer => consumer.name));
  const node = component.getIn(key, true);
  if (isScalar(node) && node.range) {
    // Only the value's own characters are replaced: every other byte of the file stays as written.
    const [start, end] = node.range;
    return `${text.slice(0, start)}${JSON.stringify(value)}${text.slice(end)}`;
  }
  // No annotation yet (a repository older than it): added, the documents written again.
  component.setIn(key, value);
  return documents
    .map(document =>
      document.toString({ lineWidth: 0, flowCollectionPadding: false }),
    )
    .join('');
}

/**
 * Writes the new consumers into the repository checked out at `dir`: the
 * security group rules the stack derives (config/service.json) and the
 * catalog annotation the day-2 actions count. Returns the files changed.
 */
export async function writeConsumers(
  dir: string,
  consumers: ConsumerCidr[],
): Promise<string[]> {
  const edits: [string, (text: string) => string][] = [
    [SERVICE_CONFIG_FILE, text => withConsumers(text, consumers)],
    [CATALOG_INFO_FILE, text => withConsumersAnnotation(text, consumers)],
  ];
  // Both files are read and edited before either is written: a refusal leaves the workspace as it was.
  const results = await Promise.all(
    edits.map(async ([file, edit]) => {
      const before = await readText(dir, file);
      return { file, before, after: edit(before) };
    }),
  );
  const changed = results.filter(result => result.after !== result.before);
  for (const { file, after } of changed) {
    await fs.writeFile(path.join(dir, file), after);
  }
  return changed.map(result => result.file);
}
