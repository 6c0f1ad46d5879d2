import { InternalApiResponseError } from '../api/callInternalApi';
import { fakeBackend, refusal, samAsks } from './__testUtils__/fakeBackend';

describe('ConsumerApprovalsClient', () => {
  it('asks the internal-api backend, with the id encoded in the path', async () => {
    const backend = fakeBackend({
      'GET /approvals/a%2Fb': { status: 200, body: samAsks },
    });
    await expect(backend.api.get('a/b')).resolves.toEqual(samAsks);
    expect(backend.fetch).toHaveBeenCalledWith(
      'http://backend/api/internal-api/approvals/a%2Fb',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it("throws the backend's sentence with its status", async () => {
    const backend = fakeBackend({
      'POST /approvals/appr-1/decision': refusal(409, 'Already approved.'),
    });
    const error = await backend.api
      .decide('appr-1', { decision: 'approve' })
      .catch(e => e);
    expect(error).toBeInstanceOf(InternalApiResponseError);
    expect(error).toMatchObject({ message: 'Already approved.', status: 409 });
  });
});
