import {
  DefaultTemplateOutputs,
  ScaffolderTemplateOutputsComponent,
} from '@backstage/plugin-scaffolder-react/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { ComponentProps, useState } from 'react';
import { singleCommand } from './logic';

export type TaskOutput = NonNullable<
  ComponentProps<ScaffolderTemplateOutputsComponent>['output']
>;
type TextOutput = NonNullable<TaskOutput['text']>[number];

/**
 * A completed task's output: the template's links as Backstage shows them,
 * then every text at once (Backstage shows one at a time, behind buttons), in
 * the template's order. A text that is one command gets a copy button.
 * Everything shown comes from the output, which API callers read as well.
 */
export function CompletedTaskOutputs({ output }: { output: TaskOutput }) {
  return (
    <>
      {output.links?.length ? (
        <DefaultTemplateOutputs output={{ links: output.links }} />
      ) : null}
      {(output.text ?? []).map((text, index) => {
        const command = singleCommand(text.content);
        return command ? (
          <CommandCard key={index} title={text.title} command={command} />
        ) : (
          // One text at a time: Backstage's card, markdown rendered, without buttons.
          <DefaultTemplateOutputs key={index} output={{ text: [text] }} />
        );
      })}
    </>
  );
}

function CommandCard(props: { title: TextOutput['title']; command: string }) {
  const [copied, setCopied] = useState(false);
  // Absent outside a secure context (plain http on another host): the command stays selectable.
  const clipboard = globalThis.navigator?.clipboard;
  return (
    <Box paddingBottom={2}>
      <Card>
        <CardHeader
          title={props.title}
          titleTypographyProps={{ component: 'h2', variant: 'h5' }}
        />
        <Divider />
        <CardContent>
          <Box display="flex" alignItems="center" gridGap={16}>
            <Box flexGrow={1} minWidth={0} style={{ overflowWrap: 'anywhere' }}>
              <Typography component="code" style={{ fontFamily: 'monospace' }}>
                {props.command}
              </Typography>
            </Box>
            {clipboard ? (
              <Button
                variant="outlined"
                color="primary"
                aria-label={`Copy: ${props.command}`}
                onClick={() =>
                  clipboard.writeText(props.command).then(() => setCopied(true))
                }
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            ) : null}
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
