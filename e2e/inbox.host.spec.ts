// The agent's day in the inbox, driven as a person would in the headless host: the keyboard
// flow (j/k, Enter, r, typing, Enter to send, e to resolve, a, /, ?), assignee and tag filters,
// tags added and removed, a reassign with a transfer note that shows in the thread, and
// screenshots of the inbox and a ticket in light and dark.
import { expect, test, type Page } from '@playwright/test';
import { useDemoHost } from './host.fixture';

const demo = useDemoHost();

async function openInbox(page: Page): Promise<void> {
  await page.goto(demo.host.url);
  await expect.poll(() => page.getByTestId('ticket-row').count(), { timeout: 45_000 }).toBeGreaterThanOrEqual(5);
}

const rowIds = (page: Page) => page.getByTestId('ticket-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id')));
const pane = (page: Page) => page.getByTestId('ticket-pane');

test('keyboard: j/k move, Enter opens, r + typing + Enter sends, e resolves, a takes it, / searches, ? helps', async ({ page }) => {
  await openInbox(page);
  const ids = await rowIds(page);

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.locator('[data-testid="ticket-row"][data-cursor]')).toHaveAttribute('data-ticket-id', ids[1] ?? '');
  await page.keyboard.press('k');
  await expect(page.locator('[data-testid="ticket-row"][data-cursor]')).toHaveAttribute('data-ticket-id', ids[0] ?? '');
  // Moving the cursor does not open anything yet; Enter does.
  await expect(page.getByTestId('ticket-pane')).toHaveCount(0);
  // Enter then r at once, as fast hands do: r reaches the composer even before it is on screen.
  await page.keyboard.press('Enter');
  await page.keyboard.press('r');
  await expect(pane(page)).toHaveAttribute('data-ticket-id', ids[0] ?? '');
  await expect(page.getByTestId('composer-input')).toBeFocused();
  const reply = `On it, checking your order now (${Date.now()})`;
  await page.keyboard.type(reply);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="thread-message"][data-delivery]', { hasText: reply })).toHaveAttribute('data-delivery', 'sent', { timeout: 20_000 });
  await expect(page.getByTestId('composer-input')).toHaveValue('');

  // Esc leaves the composer, so the next keys are shortcuts again.
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  await expect(page.getByTestId('status-select')).toHaveValue('resolved');
  await expect(page.getByTestId('notice')).toContainText('Resolved');

  // a: take one of Priya's tickets. The filter leaves the focus free, so the keys keep working.
  const assignee = page.getByTestId('filter-assignee');
  const priya = await assignee.locator('option', { hasText: 'Priya Shah' }).getAttribute('value');
  const me = await assignee.locator('option', { hasText: 'Dana Demo' }).getAttribute('value');
  await assignee.selectOption(priya ?? '');
  await expect.poll(async () => (await page.locator('[data-testid="ticket-row"] .assignee').allTextContents()).every((t) => t === 'Priya Shah')).toBe(true);
  await page.keyboard.press('j');
  const cursor = page.locator('[data-testid="ticket-row"][data-cursor]');
  const taken = await cursor.getAttribute('data-ticket-id');
  await page.keyboard.press('Enter');
  await expect(pane(page)).toHaveAttribute('data-ticket-id', taken ?? '');
  await page.keyboard.press('a');
  await expect(page.getByTestId('assignee-select')).toHaveValue(me ?? '');
  // Now mine, it leaves Priya's list; the pane keeps it open.
  await expect(page.locator(`[data-testid="ticket-row"][data-ticket-id="${taken}"]`)).toHaveCount(0);
  await expect(pane(page)).toHaveAttribute('data-ticket-id', taken ?? '');
  await page.getByTestId('clear-filters').click();

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-help')).toBeVisible();
  await expect(page.getByTestId('shortcuts-help')).toContainText('Resolve the open ticket');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-help')).toHaveCount(0);

  // / from another screen comes back to the inbox and searches.
  await page.getByTestId('open-queue').click();
  await expect(page.getByTestId('queue-view')).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  const subject = (await page.getByTestId('ticket-row').nth(2).locator('.row-subject').textContent()) ?? '';
  await page.keyboard.type(subject);
  await expect.poll(async () => (await page.getByTestId('ticket-row').allTextContents()).every((t) => t.includes(subject))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-input')).not.toBeFocused();
  await page.getByTestId('search-input').fill('');
});

test('tags: add and remove on the ticket, then filter the list by tag and by assignee', async ({ page }) => {
  await openInbox(page);
  const first = page.getByTestId('ticket-row').first();
  const ticketId = await first.getAttribute('data-ticket-id');
  await first.click();
  const tag = `vip-${Date.now() % 10_000}`;
  await page.getByTestId('tag-input').fill(tag);
  await page.getByTestId('tag-input').press('Enter');
  await expect(page.locator(`[data-testid="tag-chip"][data-tag="${tag}"]`)).toBeVisible();
  await page.getByTestId('tag-input').fill('follow-up');
  await page.getByTestId('tag-input').press('Enter');
  await expect(page.getByTestId('tag-chip')).toHaveCount(2);

  await page.getByTestId('filter-tag').selectOption(tag);
  await expect(page.getByTestId('ticket-row')).toHaveCount(1);
  await expect(page.getByTestId('ticket-row')).toHaveAttribute('data-ticket-id', ticketId ?? '');
  await page.getByTestId('clear-filters').click();

  await page.locator(`[data-testid="tag-chip"][data-tag="${tag}"]`).getByRole('button', { name: `Remove tag ${tag}` }).click();
  await expect(page.locator(`[data-testid="tag-chip"][data-tag="${tag}"]`)).toHaveCount(0);
  await expect(page.getByTestId('tag-chip')).toHaveCount(1);

  // Assignee filter: only the chosen agent's tickets stay.
  const assignee = page.getByTestId('filter-assignee');
  const priya = await assignee.locator('option', { hasText: 'Priya Shah' }).getAttribute('value');
  await assignee.selectOption(priya ?? '');
  await expect.poll(async () => (await page.locator('[data-testid="ticket-row"] .assignee').allTextContents()).every((t) => t === 'Priya Shah')).toBe(true);
  await page.getByTestId('clear-filters').click();
});

test('reassign with a transfer note: the note shows in the thread', async ({ page }) => {
  await openInbox(page);
  await page.getByTestId('ticket-row').nth(3).click();
  const select = page.getByTestId('assignee-select');
  const current = await select.inputValue();
  expect(current).not.toBe('');
  const options = await select.locator('option').evaluateAll((list) => list.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
  const target = options.find((o) => o.value !== '' && o.value !== current);
  expect(target).toBeDefined();
  await select.selectOption(target?.value ?? '');

  await expect(page.getByTestId('reassign-form')).toBeVisible();
  const note = `Customer wants a refund, order already checked (${Date.now()})`;
  await page.getByTestId('reassign-note').fill(note);
  await page.getByTestId('reassign-confirm').click();
  await expect(page.getByTestId('reassign-form')).toHaveCount(0);
  await expect(select).toHaveValue(target?.value ?? '');
  await expect(page.locator('[data-testid="thread-message"][data-kind="system"]', { hasText: note })).toBeVisible();

  // Cancelling keeps the owner.
  const now = await select.inputValue();
  const other = options.find((o) => o.value !== '' && o.value !== now);
  await select.selectOption(other?.value ?? '');
  await page.getByTestId('reassign-cancel').click();
  await expect(select).toHaveValue(now);
});

test('screenshots: inbox and a ticket, light and dark, at 1280×800', async ({ page }, testInfo) => {
  await openInbox(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByTestId('view-all').click();
    await page.screenshot({ path: testInfo.outputPath(`inbox-${scheme}.png`) });
    await page.getByTestId('ticket-row').first().click();
    await expect(page.getByTestId('thread-message').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`ticket-${scheme}.png`) });
  }
  // The dark theme really is dark: the page background follows the system.
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(20, 23, 28)');
});
