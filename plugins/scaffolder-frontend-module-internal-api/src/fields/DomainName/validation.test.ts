import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import type { InternalApiLookups } from '../../api/InternalApiLookups';
import { apiHolderWith } from '../../__testUtils__/renderField';
import { validateDomainName } from './validation';

const outsideParents =
  "domainName 'orders.example.org' is not under an allowed parent domain: acme.com.";
/** The same refusal as the form says it: the field by its title. */
const outsideParentsInFormWords =
  "The domain name 'orders.example.org' is not under an allowed parent domain: acme.com.";

/** The errors the validator leaves on the field, as the stepper reads them. */
async function errorsOf(
  domainName: string,
  lookups: Partial<InternalApiLookups> | undefined,
  formData: Record<string, string>,
  uiOptions?: { accountField?: string; nameField?: string },
) {
  const validation = createFieldValidation();
  await validateDomainName(domainName, validation, {
    apiHolder: apiHolderWith(lookups),
    formData,
    schema: {},
    uiSchema: uiOptions && { 'ui:options': uiOptions },
  });
  return validation.__errors;
}

describe('validateDomainName', () => {
  it('blocks Next with the backend’s refusal, for the account on the form', async () => {
    const checkDomain = jest
      .fn()
      .mockResolvedValue({ problems: [outsideParents] });
    const errors = await errorsOf(
      'orders.example.org',
      { checkDomain },
      { accountId: '444455556666' },
    );
    expect(checkDomain).toHaveBeenCalledWith({
      domainName: 'orders.example.org',
      accountId: '444455556666',
    });
    expect(errors).toEqual([outsideParentsInFormWords]);
  });

  it('checks in the account named in ui:options.accountField', async () => {
    const checkDomain = jest
      .fn()
      .mockResolvedValue({ problems: [outsideParents] });
    const errors = await errorsOf(
      'orders.example.org',
      { checkDomain },
      { accountId: '111122223333', workloadAccount: '444455556666' },
      { accountField: 'workloadAccount' },
    );
    expect(checkDomain).toHaveBeenCalledWith({
      domainName: 'orders.example.org',
      accountId: '444455556666',
    });
    expect(errors).toEqual([outsideParentsInFormWords]);
  });

  it("sends the API's name from the form, so another API's zone is refused here", async () => {
    const anotherApis =
      "domainName 'orders.acme.com': zone Z1 in account 444455556666 belongs to internal API 'orders-api'";
    const checkDomain = jest
      .fn()
      .mockResolvedValue({ problems: [anotherApis] });
    const errors = await errorsOf(
      'orders.acme.com',
      { checkDomain },
      { accountId: '444455556666', component: 'billing-api', name: 'x' },
      { nameField: 'component' },
    );
    expect(checkDomain).toHaveBeenCalledWith({
      domainName: 'orders.acme.com',
      accountId: '444455556666',
      apiName: 'billing-api',
    });
    expect(errors).toEqual([
      "The domain name 'orders.acme.com': zone Z1 in account 444455556666 belongs to internal API 'orders-api'",
    ]);
  });

  it('leaves the name out while it is not one the task would accept', async () => {
    const checkDomain = jest.fn().mockResolvedValue({ problems: [] });
    await errorsOf(
      'orders.acme.com',
      { checkDomain },
      { accountId: '444455556666', name: 'Orders API' },
    );
    expect(checkDomain).toHaveBeenCalledWith({
      domainName: 'orders.acme.com',
      accountId: '444455556666',
    });
  });

  it('says when the backend cannot be asked', async () => {
    const unavailable =
      "AWS could not be asked for the hosted zones. Try again; if it persists, the platform team should check the backend's AWS access (details are in the backend log).";
    const errors = await errorsOf(
      'orders.acme.com',
      {
        checkDomain: async () => {
          throw new Error(unavailable);
        },
      },
      { accountId: '444455556666' },
    );
    expect(errors).toEqual([`Could not check the domain name: ${unavailable}`]);
  });

  it('leaves the check to the task when the lookups are not installed', async () => {
    const errors = await errorsOf('orders.acme.com', undefined, {
      accountId: '444455556666',
    });
    expect(errors).toEqual([]);
  });

  it('waits for a well-formed account id, which its own field asks for', async () => {
    const checkDomain = jest.fn();
    expect(
      await errorsOf('orders.acme.com', { checkDomain }, { accountId: '4444' }),
    ).toEqual([]);
    expect(checkDomain).not.toHaveBeenCalled();
  });
});
