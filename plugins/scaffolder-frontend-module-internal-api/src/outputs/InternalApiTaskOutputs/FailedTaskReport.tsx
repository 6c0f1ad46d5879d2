import { useTaskEventStream } from '@backstage/plugin-scaffolder-react';
import type { FailureReport } from '@internal/plugin-internal-api-common';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Divider from '@material-ui/core/Divider';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { failureReportOf } from './logic';

/**
 * A failed task has no output: what it changed before failing and what to do
 * next come from its report step's log, the same lines the log shows and an
 * API caller reads. Nothing is shown while the task runs, nor for a failure
 * that left no report.
 */
export function FailedTaskReport({ taskId }: { taskId: string }) {
  // The page streams the task itself but passes only the output down; this is a second subscription.
  const report = failureReportOf(useTaskEventStream(taskId));
  return report ? <FailureReportCard report={report} /> : null;
}

export function FailureReportCard({ report }: { report: FailureReport }) {
  return (
    <Box paddingBottom={2}>
      <Card>
        <CardHeader
          title="AWS changes made before the failure"
          titleTypographyProps={{ component: 'h2', variant: 'h5' }}
        />
        <Divider />
        <CardContent>
          {report.changes.length > 0 ? (
            <ul aria-label="AWS changes made before the failure">
              {report.changes.map(change => (
                <li key={change}>
                  <Typography variant="body2">{change}</Typography>
                </li>
              ))}
            </ul>
          ) : (
            <Typography variant="body2" paragraph>
              None.
            </Typography>
          )}
          {report.notes.map(note => (
            <Typography key={note} variant="body2" paragraph>
              {note}
            </Typography>
          ))}
          {report.repository ? (
            <Typography variant="body2" paragraph>
              Repository published before the failure:{' '}
              <Link href={report.repository}>{report.repository}</Link>
            </Typography>
          ) : null}
          <Typography component="h3" variant="h6">
            What to do next
          </Typography>
          <ul aria-label="What to do next">
            {report.nextSteps.map(step => (
              <li key={step}>
                <Typography variant="body2">{step}</Typography>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </Box>
  );
}
