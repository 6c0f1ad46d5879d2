import {
  createRouteRef,
  useRouteRefParams,
} from '@backstage/frontend-plugin-api';
import { CompletedTaskOutputs, TaskOutput } from './CompletedTaskOutputs';
import { FailedTaskReport } from './FailedTaskReport';

// The scaffolder's task page (/create/tasks/:taskId) renders this component but
// passes only the output; useRouteRefParams reads the page's route params, and
// this ref only types them (the scaffolder's own ref is not exported).
const taskPageRouteRef = createRouteRef({ params: ['taskId'] });

/**
 * The task page's outputs for the internal-API template: a completed task's
 * output with every text shown, or, for a failed task (which has no output),
 * its failure report.
 */
export function InternalApiTaskOutputs({ output }: { output?: TaskOutput }) {
  const { taskId } = useRouteRefParams(taskPageRouteRef);
  return <TaskOutputs output={output} taskId={taskId} />;
}

/** The same, for a task id given (tests, other pages). */
export function TaskOutputs(props: { output?: TaskOutput; taskId?: string }) {
  if (props.output) {
    return <CompletedTaskOutputs output={props.output} />;
  }
  return props.taskId ? <FailedTaskReport taskId={props.taskId} /> : null;
}
