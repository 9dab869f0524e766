// The team lead's queue view in the headless host: depth by status and priority, each agent's
// load against capacity, tickets at SLA risk (after the lead tightens the demo policy in
// Settings) that open in the inbox when clicked, and the first-response chart once a reply has
// gone out. Screenshots in light and dark.
import { expect, test, type Page } from '@playwright/test';
import { useDemoHost } from './host.fixture';

const demo = useDemoHost();

async function openApp(page: Page): Promise<void> {
  await page.goto(demo.host.url);
  await expect.poll(() => page.getByTestId('ticket-row').count(), { timeout: 45_000 }).toBeGreaterThanOrEqual(5);
}

test('the queue view shows depth, loads, tickets at risk (which open in the inbox) and the FRT chart', async ({ page }, testInfo) => {
  await openApp(page);
  const open = await page.getByTestId('count-all').textContent();

  // A first response today, for the chart.
  await page.getByTestId('ticket-row').first().click();
  await page.getByTestId('composer-input').fill('Thanks for your patience, looking at it now.');
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.locator('[data-testid="thread-message"][data-kind="agent"]').last()).toHaveAttribute('data-delivery', 'sent', { timeout: 20_000 });

  // The lead makes the demo policy flag tickets at risk after 1% of the target.
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-nav-sla').click();
  await page.locator('[data-testid="sla-policies-item"]', { hasText: 'Demo: fast targets' }).click();
  await page.getByTestId('sla-at-risk').fill('1');
  await page.getByTestId('sla-save').click();
  await expect(page.getByTestId('sla-saved')).toBeVisible();

  await page.getByTestId('open-queue').click();
  const view = page.getByTestId('queue-view');
  await expect(view).toBeVisible();

  const depth = page.getByTestId('queue-depth');
  await expect(depth.getByTestId('depth-status').locator('li[data-key="open"] [data-testid="depth-count"]')).not.toHaveText('0');
  const byPriority = await depth.getByTestId('depth-priority').getByTestId('depth-count').allTextContents();
  expect(byPriority.reduce((sum, n) => sum + Number(n), 0)).toBeGreaterThan(0);
  expect(Number(open)).toBeGreaterThan(0);

  const loads = page.getByTestId('agent-load');
  await expect(loads).toHaveCount(4);
  await expect(loads.filter({ hasText: 'Dana Demo' }).getByTestId('agent-load-text')).toHaveText(/^\d+ \/ 8$/);
  await expect(loads.filter({ hasText: 'Yuki Tanaka' })).toContainText('Away');

  const atRisk = page.getByTestId('sla-at-risk');
  await expect(page.getByTestId('sla-at-risk-total')).not.toHaveText('0', { timeout: 20_000 });
  const first = atRisk.getByTestId('risk-ticket').first();
  const ticketId = await first.getAttribute('data-ticket-id');

  await expect(page.locator('[data-testid="frt-chart"] [data-testid="chart-bar"]:not([data-value=""])')).not.toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('team-frt')).not.toContainText('—');
  await page.getByTestId('period-30d').click();
  await expect(page.getByTestId('frt-chart').getByTestId('chart-bar')).toHaveCount(30);
  await page.getByTestId('period-today').click();
  await expect(page.getByTestId('agent-times-table').getByTestId('agent-times').first()).toContainText('Team');

  // The view scrolls inside the window: a tall window shows all of it in one picture.
  await page.setViewportSize({ width: 1280, height: 1500 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: testInfo.outputPath(`queue-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  await first.click();
  await expect(page.getByTestId('queue-view')).toHaveCount(0);
  await expect(page.getByTestId('ticket-pane')).toHaveAttribute('data-ticket-id', ticketId ?? '');
  await expect(page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"] [data-testid="sla-badge"]`)).toHaveAttribute('data-sla-state', /at_risk|breached/);
});
