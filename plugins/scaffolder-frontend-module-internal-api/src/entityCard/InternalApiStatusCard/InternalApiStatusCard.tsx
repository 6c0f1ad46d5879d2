import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type {
  DelegationStatus,
  InternalApiStatus,
  RouteStatus,
  ZoneStatus,
} from '@internal/plugin-internal-api-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { useLookup } from '../../lookups/useLookup';
import { Day2Buttons } from './Day2Buttons';
import { consumerRouteRows, delegationSyncText, routeStateText } from './logic';

/** A status icon with its text, a detail beside it, and, for a problem, what to do. */
function StatusLine(props: {
  level: 'ok' | 'pending' | 'warning' | 'error';
  text: string;
  detail?: string;
  todo?: string;
}) {
  const Icon = {
    ok: StatusOK,
    pending: StatusPending,
    warning: StatusWarning,
    error: StatusError,
  }[props.level];
  return (
    <Box mb={1}>
      <Typography variant="body2">
        <Icon>{props.text}</Icon>
        {props.detail && (
          <Typography component="span" variant="body2" color="textSecondary">
            {` · ${props.detail}`}
          </Typography>
        )}
      </Typography>
      {props.todo && (
        <Typography variant="caption" color="textSecondary">
          {props.todo}
        </Typography>
      )}
    </Box>
  );
}

function DelegationLine({ delegation }: { delegation: DelegationStatus }) {
  const parent = delegation.parentDomain ?? 'the parent zone';
  const text = {
    present: `Delegated from ${parent}`,
    missing: `Not delegated: ${parent} has no NS record for it`,
    different: `Delegation differs: ${parent}'s NS record names other servers`,
    unknown: 'Delegation could not be read',
  }[delegation.state];
  const level = {
    present: 'ok',
    unknown: 'warning',
    missing: 'error',
    different: 'error',
  } as const;
  const sync = delegation.change && delegationSyncText(delegation.change);
  return (
    <StatusLine
      level={sync && !sync.inSync ? 'pending' : level[delegation.state]}
      text={text}
      detail={sync?.text}
      todo={delegation.todo}
    />
  );
}

function ZoneLine({ zone }: { zone: ZoneStatus }) {
  if (!zone.exists) {
    return (
      <StatusLine
        level="error"
        text={`Zone ${zone.hostedZoneId} not found`}
        todo={zone.todo}
      />
    );
  }
  if (!zone.deployed) {
    return (
      <StatusLine
        level="warning"
        text={`Stack not deployed: zone ${zone.hostedZoneId} has no records yet`}
        todo={zone.todo}
      />
    );
  }
  const shown = zone.records.join(', ');
  return (
    <StatusLine
      level="ok"
      text={`Stack deployed: ${zone.recordCount} records in zone ${
        zone.hostedZoneId
      }${shown ? ` (${shown})` : ''}`}
      todo={zone.todo}
    />
  );
}

function TransitGatewayLine({ route }: { route: RouteStatus }) {
  const state = routeStateText(route);
  return (
    <StatusLine
      level={state.problem ? 'error' : 'ok'}
      text={`Transit gateway route ${route.destinationCidrBlock}: ${state.text}`}
      todo={route.todo}
    />
  );
}

function ConsumerRoutes({ status }: { status: InternalApiStatus }) {
  const rows = consumerRouteRows(status.consumers);
  if (rows.length === 0) {
    return <Typography variant="body2">No consumer networks.</Typography>;
  }
  return (
    <Table size="small" aria-label="Consumer routes">
      <TableHead>
        <TableRow>
          <TableCell>Consumer</TableCell>
          <TableCell>Side</TableCell>
          <TableCell>Route</TableCell>
          <TableCell>State</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => {
          if (!row.route) {
            return (
              <TableRow key={row.key}>
                <TableCell>{row.consumer}</TableCell>
                <TableCell colSpan={3}>
                  <StatusError>{row.problem}</StatusError>
                </TableCell>
              </TableRow>
            );
          }
          const state = routeStateText(row.route);
          const Icon = state.problem ? StatusError : StatusOK;
          return (
            <TableRow key={row.key}>
              <TableCell>{row.consumer}</TableCell>
              <TableCell>{row.side}</TableCell>
              <TableCell>
                {row.route.destinationCidrBlock} in {row.route.routeTableId}
              </TableCell>
              <TableCell>
                <Icon>{state.text}</Icon>
                {row.route.todo && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    display="block"
                  >
                    {row.route.todo}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** What the status says, drift first. */
export function InternalApiStatusView({
  status,
}: {
  status: InternalApiStatus;
}) {
  return (
    <>
      {status.drift.length > 0 && (
        <Box mb={2}>
          <WarningPanel
            severity="warning"
            title={`${
              status.drift.length === 1
                ? '1 thing'
                : `${status.drift.length} things`
            } drifted`}
            defaultExpanded
          >
            <ul>
              {status.drift.map(todo => (
                <li key={todo}>{todo}</li>
              ))}
            </ul>
          </WarningPanel>
        </Box>
      )}
      <Typography variant="subtitle2" gutterBottom>
        {status.domain} · {status.accountId} · {status.region} · {status.vpcId}
      </Typography>
      <DelegationLine delegation={status.delegation} />
      <ZoneLine zone={status.zone} />
      {status.transitGatewayRoute && (
        <TransitGatewayLine route={status.transitGatewayRoute} />
      )}
      <ConsumerRoutes status={status} />
    </>
  );
}

/** The entity page's "Internal API" card: one status request per page view. */
export function InternalApiStatusCard() {
  const { entity } = useEntity();
  const lookups = useApi(internalApiLookupsApiRef);
  const entityRef = stringifyEntityRef(entity);
  // Keyed on the ref, so a re-render of the same entity does not ask again.
  const { value, loading, error } = useLookup(entityRef, () =>
    lookups.getStatus(getCompoundEntityRef(entity)),
  );
  return (
    <InfoCard title="Internal API">
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel error={error} title="Status could not be read" />
      )}
      {value && <InternalApiStatusView status={value} />}
      {/* The buttons need no status: the templates check AWS themselves. */}
      <Box mt={2} display="flex" alignItems="center" flexWrap="wrap">
        <Box flexGrow={1}>
          {value && (
            <Typography variant="caption" color="textSecondary">
              Checked at {new Date(value.checkedAt).toLocaleString()}
            </Typography>
          )}
        </Box>
        <Day2Buttons entity={entity} />
      </Box>
    </InfoCard>
  );
}
