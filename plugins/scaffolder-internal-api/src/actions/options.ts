import type { InternalApiContext } from '../context';

/** What every action factory takes: the config and the AWS access. */
export type InternalApiActionsOptions = InternalApiContext;
