import { GetChangeCommand, Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { readChange, waitForChange } from './route53Changes';

// One mock for the file: each mockClient() call replaces the client's send.
const route53 = mockClient(Route53Client);
afterEach(() => route53.reset());
const client = () => new Route53Client({ region: 'us-east-1' });

// moto reports every Route 53 change INSYNC at once and knows every change id,
// so PENDING and NoSuchChange are tested with GetChange mocked.
describe('readChange (GetChange mocked: the emulator is always INSYNC)', () => {
  it('reports a change still propagating, and when it was submitted', async () => {
    route53.on(GetChangeCommand).resolves({
      ChangeInfo: {
        Id: '/change/C1',
        Status: 'PENDING',
        SubmittedAt: new Date('2026-11-26T10:00:00Z'),
      },
    });
    await expect(readChange(client(), 'C1')).resolves.toEqual({
      id: 'C1',
      status: 'PENDING',
      submittedAt: '2026-11-26T10:00:00.000Z',
    });
  });

  it('reports a change Route 53 no longer keeps as in sync: it is long done', async () => {
    route53.on(GetChangeCommand).rejects(
      Object.assign(new Error('Could not find resource with ID: C0LD'), {
        name: 'NoSuchChange',
      }),
    );
    await expect(readChange(client(), 'C0LD')).resolves.toEqual({
      id: 'C0LD',
      status: 'INSYNC',
    });
  });

  it('throws any other error: the status says AWS could not be asked', async () => {
    route53
      .on(GetChangeCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    await expect(readChange(client(), 'C1')).rejects.toThrow('denied');
  });
});

describe('waitForChange (GetChange mocked: the emulator is always INSYNC)', () => {
  it('polls until the change is INSYNC', async () => {
    route53
      .on(GetChangeCommand)
      .resolvesOnce({
        ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: new Date() },
      })
      .resolvesOnce({
        ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: new Date() },
      })
      .resolves({
        ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: new Date() },
      });

    await waitForChange(client(), '/change/C1', {
      timeoutMs: 1_000,
      intervalMs: 1,
    });

    expect(route53.commandCalls(GetChangeCommand)).toHaveLength(3);
    expect(route53.commandCalls(GetChangeCommand)[0].args[0].input).toEqual({
      Id: '/change/C1',
    });
  });

  it('gives up at the deadline with a message that says what to do', async () => {
    route53.on(GetChangeCommand).resolves({
      ChangeInfo: { Id: 'C2', Status: 'PENDING', SubmittedAt: new Date() },
    });

    await expect(
      // A deadline many intervals away, so even a loaded machine polls more than once before it.
      waitForChange(client(), 'C2', {
        timeoutMs: 400,
        intervalMs: 10,
      }),
    ).rejects.toThrow(
      'Route 53 change C2 was still PENDING after 0 s. The record is written and will propagate; re-run the task to confirm',
    );
    expect(route53.commandCalls(GetChangeCommand).length).toBeGreaterThan(1);
  });
});
