import {
  EC2Client,
  paginateGetManagedPrefixListEntries,
} from '@aws-sdk/client-ec2';
import { allInOrder } from './allInOrder';
import type { RouteTableFacts } from './routeTables';

/**
 * The tables with each prefix-list route added to `routes` once per entry of
 * its list, so the route rules see every destination a table sends somewhere
 * (a customer-managed list may hold 10.0.0.0/8). One paginated call per
 * distinct list, all at once, in the tables' account; none when no table has
 * such a route.
 */
export async function withPrefixListEntries(
  ec2: EC2Client,
  tables: RouteTableFacts[],
): Promise<RouteTableFacts[]> {
  const listIds = [
    ...new Set(
      tables.flatMap(table =>
        table.prefixListRoutes.map(route => route.prefixListId),
      ),
    ),
  ];
  const entriesOf = async (prefixListId: string) => {
    const cidrs: string[] = [];
    for await (const page of paginateGetManagedPrefixListEntries(
      { client: ec2 },
      { PrefixListId: prefixListId },
    )) {
      cidrs.push(
        ...(page.Entries ?? []).flatMap(entry =>
          // IPv6 lists hold IPv6 entries; the routes we add are IPv4.
          entry.Cidr && !entry.Cidr.includes(':') ? [entry.Cidr] : [],
        ),
      );
    }
    return cidrs;
  };
  const read = await allInOrder(listIds.map(entriesOf));
  const entries = new Map(listIds.map((id, index) => [id, read[index]]));
  return tables.map(table => ({
    ...table,
    routes: [
      ...table.routes,
      ...table.prefixListRoutes.flatMap(route =>
        (entries.get(route.prefixListId) ?? []).map(destinationCidrBlock => ({
          ...route,
          destinationCidrBlock,
        })),
      ),
    ],
  }));
}
