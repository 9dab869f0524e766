// The first screen end to end: demo tickets arrive, a ticket opens with its messages, a
// reply goes out through the (simulated) Telegram and is still there after a restart.
import { expect, test } from '@playwright/test';
import { startHost, tempDataDir, type RunningHost } from './host.fixture';

let host: RunningHost | null = null;
const data = tempDataDir();

test.afterAll(async () => {
  await host?.stop();
  data.remove();
});

test('demo tickets, a sent reply, and both still there after a restart', async ({ page }, testInfo) => {
  host = await startHost({ dataDir: data.dir, demo: true });
  await page.goto(host.url);
  await expect(page.getByTestId('demo-label')).toBeVisible();

  const rows = page.getByTestId('ticket-row');
  await expect.poll(() => rows.count(), { timeout: 45_000 }).toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: testInfo.outputPath('inbox.png') });

  const first = rows.first();
  const ticketId = await first.getAttribute('data-ticket-id');
  expect(ticketId).toMatch(/^tg:/);
  await first.click();
  await expect(page.getByTestId('thread-message').first()).toBeVisible();

  const reply = `Thanks for writing, we are on it (${Date.now()})`;
  await page.getByTestId('composer').getByRole('textbox').fill(reply);
  await page.getByTestId('send-button').click();
  const sent = page.locator('[data-testid="thread-message"][data-delivery]', { hasText: reply });
  await expect(sent).toHaveAttribute('data-delivery', 'sent', { timeout: 20_000 });
  await page.screenshot({ path: testInfo.outputPath('ticket.png') });

  await host.stop();
  host = await startHost({ dataDir: data.dir, demo: true, port: host.port });
  await page.goto(host.url);
  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`).click();
  await expect(page.locator('[data-testid="thread-message"]', { hasText: reply })).toHaveAttribute('data-delivery', 'sent');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(5);
});

test('a wrong token gets the page shell and nothing else', async ({ page, request }) => {
  const other = tempDataDir();
  const locked = await startHost({ dataDir: other.dir, demo: true });
  try {
    expect(await (await request.get(`http://127.0.0.1:${locked.port}/healthz`)).json()).toEqual({ ok: true });
    await page.goto(`http://127.0.0.1:${locked.port}/?token=not-the-token`);
    await expect(page.getByText('Connecting to the app…')).toBeVisible();
    await page.waitForTimeout(2_000);
    await expect(page.getByTestId('ticket-row')).toHaveCount(0);

    const refused = await page.evaluate(
      (port) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=not-the-token`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('refused');
        }),
      locked.port,
    );
    expect(refused).toBe('refused');
  } finally {
    await locked.stop();
    other.remove();
  }
});
