/**
 * Where moto 5.2 answers differently from AWS in ways our rules depend on,
 * and what the sandbox's proxy does about it, so production code never has
 * to bend around the emulator (see ../shared/FACTS.md):
 * - moto executes EC2 calls with `DryRun=true`; AWS only checks permission
 *   and answers `DryRunOperation` (allowed) or `UnauthorizedOperation`. The
 *   proxy answers dry runs itself, as AWS would.
 * - moto keeps no target for a VPC route to a transit gateway in another
 *   account (it has no resource sharing), and never names the attachments of
 *   a transit gateway route. The proxy remembers the targets of the routes
 *   created through it and puts them back into DescribeRouteTables and
 *   SearchTransitGatewayRoutes answers.
 * - moto accepts a second static transit gateway route for a CIDR; AWS
 *   answers `RouteAlreadyExists`. The proxy refuses it as AWS does.
 * - moto fails a DeleteTransitGatewayRoute of a route that is not there with
 *   HTTP 500 (an unchecked lookup); AWS answers `InvalidRoute.NotFound`. The
 *   proxy gives AWS's answer in its place (`failure`).
 * - Permissions: `deny(operation)` makes the proxy answer that operation
 *   `UnauthorizedOperation`, dry run or not, as AWS does for a role without it.
 * - Route 53 (route53Gaps.ts): moto deletes a record set by name and type even
 *   when its values changed, and accepts a DELETE of one already gone; AWS
 *   answers `InvalidChangeBatch`. The proxy refuses such a DELETE as AWS does.
 */
export interface EmulatorGaps {
  /** An answer in AWS's place, or undefined to forward the request. */
  answer(params: URLSearchParams): EmulatorAnswer | undefined;
  /** Learns from a write the emulator accepted. */
  accepted(params: URLSearchParams): void;
  /** The emulator's answer with what it leaves out put back. */
  patch(params: URLSearchParams, body: string): string;
  /** Whether `patch` may change the answer to this request (only those are buffered). */
  patches(params: URLSearchParams): boolean;
  /** From now on the operation fails as AWS fails a call the role may not make. */
  deny(operation: string): void;
  /** AWS's error in place of the emulator's failure (HTTP `status` >= 500), or undefined to pass it on. */
  failure(params: URLSearchParams, status: number): EmulatorAnswer | undefined;
}

export type EmulatorAnswer = { status: number; body: string };

const ec2Error = (status: number, code: string, message: string) => ({
  status,
  body:
    '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>' +
    `<Code>${code}</Code><Message>${message}</Message></Error></Errors>` +
    '<RequestID>sandbox-proxy</RequestID></Response>',
});

// The route elements that name a target; a route with none of them lost its target in the emulator.
const TARGET_ELEMENT =
  /<(gatewayId|transitGatewayId|natGatewayId|networkInterfaceId|instanceId|vpcPeeringConnectionId|localGatewayId|carrierGatewayId|egressOnlyInternetGatewayId|coreNetworkArn)>/;

export function emulatorGaps(): EmulatorGaps {
  const denied = new Set<string>();
  // `<route table> <cidr>` -> transit gateway id / attachment id.
  const vpcRouteTargets = new Map<string, string>();
  const tgwRouteTargets = new Map<string, string>();
  const key = (params: URLSearchParams, table: string) =>
    `${params.get(table)} ${params.get('DestinationCidrBlock')}`;

  return {
    answer(params) {
      const action = params.get('Action');
      if (!action) {
        return undefined;
      }
      if (denied.has(action)) {
        return ec2Error(
          403,
          'UnauthorizedOperation',
          `You are not authorized to perform this operation. User: sandbox is not authorized to perform: ec2:${action}`,
        );
      }
      if (params.get('DryRun') === 'true') {
        return ec2Error(
          412,
          'DryRunOperation',
          'Request would have succeeded, but DryRun flag is set.',
        );
      }
      if (
        action === 'CreateTransitGatewayRoute' &&
        tgwRouteTargets.has(key(params, 'TransitGatewayRouteTableId'))
      ) {
        return ec2Error(
          400,
          'RouteAlreadyExists',
          `Route ${params.get(
            'DestinationCidrBlock',
          )} already exists in Transit Gateway Route Table ${params.get(
            'TransitGatewayRouteTableId',
          )}.`,
        );
      }
      return undefined;
    },

    accepted(params) {
      switch (params.get('Action')) {
        case 'CreateRoute':
        case 'ReplaceRoute':
          if (params.get('TransitGatewayId')) {
            vpcRouteTargets.set(
              key(params, 'RouteTableId'),
              params.get('TransitGatewayId')!,
            );
          } else {
            vpcRouteTargets.delete(key(params, 'RouteTableId'));
          }
          break;
        case 'DeleteRoute':
          vpcRouteTargets.delete(key(params, 'RouteTableId'));
          break;
        case 'CreateTransitGatewayRoute':
          tgwRouteTargets.set(
            key(params, 'TransitGatewayRouteTableId'),
            params.get('TransitGatewayAttachmentId')!,
          );
          break;
        case 'DeleteTransitGatewayRoute':
          tgwRouteTargets.delete(key(params, 'TransitGatewayRouteTableId'));
          break;
        default:
      }
    },

    patches: params =>
      ['DescribeRouteTables', 'SearchTransitGatewayRoutes'].includes(
        params.get('Action') ?? '',
      ),

    patch(params, body) {
      if (params.get('Action') === 'DescribeRouteTables') {
        return body.replace(
          /<routeTableId>([^<]+)<\/routeTableId><routeSet>(.*?)<\/routeSet>/gs,
          (table, routeTableId: string, routes: string) =>
            table.replace(
              routes,
              routes.replace(
                /<item>(.*?)<\/item>/gs,
                (route, inner: string) => {
                  const cidr = /<destinationCidrBlock>([^<]+)</.exec(
                    inner,
                  )?.[1];
                  const target = vpcRouteTargets.get(`${routeTableId} ${cidr}`);
                  return target && !TARGET_ELEMENT.test(inner)
                    ? route.replace(
                        '</destinationCidrBlock>',
                        `</destinationCidrBlock><transitGatewayId>${target}</transitGatewayId>`,
                      )
                    : route;
                },
              ),
            ),
        );
      }
      const routeTableId = params.get('TransitGatewayRouteTableId');
      return body.replace(
        /<item><destinationCidrBlock>([^<]+)<\/destinationCidrBlock><transitGatewayAttachments\/>/g,
        (route, cidr: string) => {
          const attachment = tgwRouteTargets.get(`${routeTableId} ${cidr}`);
          return attachment
            ? `<item><destinationCidrBlock>${cidr}</destinationCidrBlock><transitGatewayAttachments><item>` +
                `<transitGatewayAttachmentId>${attachment}</transitGatewayAttachmentId><resourceType>vpc</resourceType>` +
                '</item></transitGatewayAttachments>'
            : route;
        },
      );
    },

    deny(operation) {
      denied.add(operation);
    },

    failure(params, status) {
      // moto's lookup of the route (or of its table) raises: AWS says the route is not found.
      // Our code treats both not-found answers alike, so the table case may answer the same.
      if (
        status >= 500 &&
        params.get('Action') === 'DeleteTransitGatewayRoute'
      ) {
        return ec2Error(
          400,
          'InvalidRoute.NotFound',
          `No route with destination-cidr-block ${params.get(
            'DestinationCidrBlock',
          )} in Transit Gateway Route Table ${params.get(
            'TransitGatewayRouteTableId',
          )}`,
        );
      }
      return undefined;
    },
  };
}
