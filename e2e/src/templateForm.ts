import type { Page } from 'playwright-core';

/**
 * The Internal Fargate API template's form, driven as a person fills it:
 * by the labels and roles they see. The Review summaries the template keeps
 * hidden on each page share titles with the fields ("AWS account",
 * "Repository"), so those fields are found by role, which skips hidden ones.
 */
export const openForm = (page: Page, baseUrl: string) =>
  page.goto(`${baseUrl}/create/templates/default/internal-fargate-api`);

/** The Service page; the owner is picked by its title, found by its first word. */
export async function fillService(
  page: Page,
  name: string,
  description: string,
  owner = 'Platform Engineering',
) {
  await page.getByLabel(/^Name/).first().fill(name);
  await page
    .getByLabel(/^Description/)
    .first()
    .fill(description);
  await page
    .getByLabel(/^Owner/)
    .first()
    .fill(owner.split(' ')[0].toLowerCase());
  await page.getByRole('option', { name: owner, exact: true }).click();
}

export async function pickAccount(page: Page, title: RegExp) {
  await page.getByRole('button', { name: /^AWS account/ }).click();
  await page.getByRole('option', { name: title }).click();
}

/** The subnet filters' live preview: the table and what the field says below it. */
export const subnetPreview = (page: Page) =>
  page.getByRole('region', { name: 'Matching subnets' });

/** The Repository page: owner acme and the given name, before Next. */
export async function fillRepository(page: Page, repo: string) {
  await page.getByLabel(/^Owner/).fill('acme');
  // The repository name is an autocomplete: it takes the value when the field is left.
  const repository = page.getByRole('textbox', { name: /^Repository/ });
  await repository.pressSequentially(repo);
  await repository.press('Tab');
  await page
    .getByText('Incomplete repository location')
    .waitFor({ state: 'detached' });
}

/** The error list the scaffolder draws at the top of a page, item by item. */
export const errorBanner = (page: Page) =>
  page.locator('form ul').first().locator('li');

/** The Review page's rows as [title, value]. */
export const reviewRows = (page: Page) =>
  page
    .locator('table tr')
    .evaluateAll(rows =>
      rows.map(row =>
        [...row.querySelectorAll('td, th')].map(cell =>
          (cell.textContent ?? '').trim(),
        ),
      ),
    );
