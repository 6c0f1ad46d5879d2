import type { Config } from '@backstage/config';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

export interface InternalApiActionsOptions {
  config: Config;
}

/** Every action this module offers, built from shared dependencies. */
export function createInternalApiActions(
  _options: InternalApiActionsOptions,
): TemplateAction<any, any, any>[] {
  return [];
}
