// Settings in the headless host: each team form (templates, SLA policies, calendars, routing
// rules and defaults, agents) saves, and shows the core's validation error next to the field
// for a bad input; notifications are asked for only when turned on and then tell the agent
// about a ticket newly assigned to them. Screenshots in light and dark.
import { expect, test, type Page } from '@playwright/test';
import { useDemoHost } from './host.fixture';

const demo = useDemoHost();

async function openSettings(page: Page, section: string): Promise<void> {
  await page.goto(demo.host.url);
  await expect.poll(() => page.getByTestId('ticket-row').count(), { timeout: 45_000 }).toBeGreaterThanOrEqual(1);
  await page.getByTestId('open-settings').click();
  await page.getByTestId(`settings-nav-${section}`).click();
}

const errorAt = (page: Page, field: string) => page.locator(`[data-testid="field-error"][data-field="${field}"]`);

test('templates: a bad shortcut is refused at the field; a good one saves and works in the composer', async ({ page }) => {
  await openSettings(page, 'templates');
  await page.getByTestId('templates-new').click();
  const form = page.getByTestId('template-form');
  await form.getByTestId('template-title').fill('Refund started');
  await form.getByTestId('template-shortcut').fill('refund started');
  await form.getByTestId('template-body').fill('Hi {{customer.first_name}}, the refund for {{ticket.subject}} is on its way.');
  await form.getByTestId('template-save').click();
  await expect(errorAt(page, 'shortcut')).toContainText('letters, digits, _ and - only');

  await form.getByTestId('template-shortcut').fill('refund-started');
  await form.getByTestId('template-save').click();
  await expect(form.getByTestId('template-saved')).toBeVisible();
  await expect(errorAt(page, 'shortcut')).toHaveCount(0);
  await expect(page.locator('[data-testid="templates-item"]', { hasText: 'Refund started' })).toBeVisible();

  // A shortcut another template uses is a conflict, shown at the field too.
  await page.getByTestId('templates-new').click();
  await form.getByTestId('template-title').fill('Duplicate');
  await form.getByTestId('template-shortcut').fill('hello');
  await form.getByTestId('template-body').fill('Hello again');
  await form.getByTestId('template-save').click();
  await expect(errorAt(page, 'shortcut')).toContainText('already used');

  await page.getByTestId('view-all').click();
  await page.getByTestId('ticket-row').first().click();
  const subject = (await page.getByTestId('ticket-pane').locator('h2').textContent()) ?? '';
  await page.getByTestId('composer-input').fill('/refund-st');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('composer-input')).toHaveValue(new RegExp(`the refund for ${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is on its way`));
});

test('SLA policies: a zero target is refused at its cell; a good one saves', async ({ page }) => {
  await openSettings(page, 'sla');
  await page.locator('[data-testid="sla-policies-item"]', { hasText: 'Default' }).click();
  const form = page.getByTestId('sla-form');
  await form.getByTestId('sla-target-normal-firstResponseMins').fill('0');
  await form.getByTestId('sla-save').click();
  await expect(errorAt(page, 'targets.normal.firstResponseMins')).toBeVisible();
  await form.getByTestId('sla-target-normal-firstResponseMins').fill('180');
  await form.getByTestId('sla-save').click();
  await expect(form.getByTestId('sla-saved')).toBeVisible();
  await expect(errorAt(page, 'targets.normal.firstResponseMins')).toHaveCount(0);
});

test('calendars: an unknown time zone and unreadable hours are refused; good ones save', async ({ page }) => {
  await openSettings(page, 'calendars');
  const form = page.getByTestId('calendar-form');
  await expect(form.getByTestId('calendar-name')).not.toHaveValue('');
  await form.getByTestId('calendar-day-1').fill('9 to 5');
  await form.getByTestId('calendar-save').click();
  await expect(form.getByTestId('field-error').first()).toContainText('"9 to 5" is not HH:MM-HH:MM');

  await form.getByTestId('calendar-day-1').fill('09:00-12:00, 13:00-17:30');
  await form.getByTestId('calendar-timezone').fill('Mars/Olympus_Mons');
  await form.getByTestId('calendar-save').click();
  await expect(errorAt(page, 'timeZone')).toContainText('unknown IANA time zone');

  await form.getByTestId('calendar-timezone').fill('Europe/Berlin');
  await form.getByTestId('calendar-holidays').fill('2026-12-25 Christmas (yearly)\n2026-02-30 Not a day');
  await form.getByTestId('calendar-save').click();
  await expect(errorAt(page, 'holidays')).toContainText('line 2');

  await form.getByTestId('calendar-holidays').fill('2026-12-25 Christmas (yearly)');
  await form.getByTestId('calendar-save').click();
  await expect(form.getByTestId('calendar-saved')).toBeVisible();
  await expect(page.locator('[data-testid="calendars-item"]', { hasText: 'Europe/Berlin' })).toBeVisible();
});

test('routing: a broken pattern is refused at its condition; a good rule and the defaults save', async ({ page }) => {
  await openSettings(page, 'routing');
  await page.getByTestId('rules-new').click();
  const form = page.getByTestId('rule-form');
  await form.getByTestId('rule-name').fill('VIP customers to billing');
  await form.getByTestId('rule-order').fill('5');
  await form.getByTestId('rule-add-condition').click();
  await form.getByTestId('condition-kind').selectOption('pattern');
  await form.getByTestId('condition-value').fill('(vip');
  await form.getByTestId('rule-target').fill('billing');
  await form.getByTestId('rule-save').click();
  await expect(errorAt(page, 'conditions.0')).toContainText('not a valid regular expression');

  await form.getByTestId('condition-value').fill('\\bvip\\b');
  await form.getByTestId('rule-save').click();
  await expect(form.getByTestId('rule-saved')).toBeVisible();
  await expect(page.locator('[data-testid="rules-item"]', { hasText: 'VIP customers to billing' })).toBeVisible();

  const defaults = page.getByTestId('routing-defaults-form');
  await defaults.getByTestId('routing-flag-mins').fill('0');
  await defaults.getByTestId('routing-defaults-save').click();
  await expect(errorAt(page, 'unassignedFlagMins')).toBeVisible();
  await defaults.getByTestId('routing-flag-mins').fill('45');
  await defaults.getByTestId('routing-defaults-save').click();
  await expect(defaults.getByTestId('routing-defaults-saved')).toBeVisible();
});

test('agents: a negative capacity and a made-up language are refused; a good profile saves', async ({ page }) => {
  await openSettings(page, 'agents');
  const priya = page.getByTestId('agent-form').filter({ has: page.locator('.agent-form-head', { hasText: 'Priya Shah' }) });
  await priya.getByTestId('agent-capacity').fill('-1');
  await priya.getByTestId('agent-languages').fill('en, english please');
  await priya.getByTestId('agent-save').click();
  await expect(priya.locator('[data-testid="field-error"][data-field="capacity"]')).toContainText('capacity cannot be negative');
  await expect(priya.locator('[data-testid="field-error"][data-field="languages"]')).toContainText('a language is a code');

  await priya.getByTestId('agent-capacity').fill('5');
  await priya.getByTestId('agent-languages').fill('en, HI, pt-br');
  await priya.getByTestId('agent-skills').fill('support, billing, refunds, vip');
  await priya.getByTestId('agent-save').click();
  await expect(priya.getByTestId('agent-saved')).toBeVisible();
  await expect(priya.getByTestId('agent-languages')).toHaveValue('en, hi, pt-BR');

  await page.getByTestId('open-queue').click();
  await expect(page.locator('[data-testid="agent-load"]', { hasText: 'Priya Shah' }).getByTestId('agent-load-text')).toHaveText(/ \/ 5$/);
});

test('notifications: permission is asked on turning them on, then a ticket assigned to me notifies', async ({ page }) => {
  // The headless browser's Notification, recorded: asked permission, then every notification shown.
  await page.addInitScript(() => {
    // Like a real browser, a granted permission outlives a reload.
    const shown: { title: string; body: string }[] = [];
    class RecordedNotification {
      static get permission(): NotificationPermission {
        return sessionStorage.getItem('e2e.permission') === 'granted' ? 'granted' : 'default';
      }
      static requestPermission() {
        (window as unknown as { __asked: boolean }).__asked = true;
        sessionStorage.setItem('e2e.permission', 'granted');
        return Promise.resolve('granted');
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body ?? '' });
      }
      close() {}
    }
    Object.assign(window, { Notification: RecordedNotification, __shown: shown, __asked: false });
  });
  await openSettings(page, 'notifications');
  expect(await page.evaluate(() => (window as unknown as { __asked: boolean }).__asked)).toBe(false);
  // A controlled box: it shows what the core stored, a moment after the click.
  await page.getByTestId('notifications-toggle').click();
  await expect(page.getByTestId('notifications-toggle')).toBeChecked();
  expect(await page.evaluate(() => (window as unknown as { __asked: boolean }).__asked)).toBe(true);

  // The setting is kept by the core: still on after a reload.
  await page.reload();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-nav-notifications').click();
  await expect(page.getByTestId('notifications-toggle')).toBeChecked();

  await page.getByTestId('view-all').click();
  const assignee = page.getByTestId('filter-assignee');
  await assignee.selectOption((await assignee.locator('option', { hasText: 'Mateo' }).getAttribute('value')) ?? '');
  const row = page.getByTestId('ticket-row').first();
  const subject = (await row.locator('.row-subject').textContent()) ?? '';
  await row.click();
  await page.keyboard.press('a');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __shown: { title: string; body: string }[] }).__shown.map((n) => `${n.title}: ${n.body}`)))
    .toContainEqual(expect.stringContaining(`Assigned to you: ${subject}`));
});

test('screenshots: Settings in light and dark', async ({ page }, testInfo) => {
  await openSettings(page, 'sla');
  await expect(page.getByTestId('sla-form')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: testInfo.outputPath(`settings-sla-${scheme}.png`) });
  }
  await page.getByTestId('settings-nav-routing').click();
  await page.screenshot({ path: testInfo.outputPath('settings-routing-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('settings-nav-agents').click();
  await page.screenshot({ path: testInfo.outputPath('settings-agents-light.png') });
});
