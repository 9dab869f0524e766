// Settings → Notifications: the signed-in agent's on/off for desktop notifications (tickets newly
// assigned to them, their SLA at risk, escalations). The browser is asked for permission only
// when they turn it on; the desktop app shows its own notifications.
import { useState } from 'react';
import { useBridge, useLiveQuery } from '../../api/bridge-context';
import { notificationPermission } from '../notifications/useBrowserNotifications';

export function NotificationSettings() {
  const bridge = useBridge();
  const prefs = useLiveQuery('prefs', {}).value;
  const [permission, setPermission] = useState(notificationPermission);
  const [error, setError] = useState<string | null>(null);
  const desktop = Boolean(window.topicdesk);

  async function change(on: boolean): Promise<void> {
    setError(null);
    if (on && !desktop) {
      if (permission === 'unsupported') return setError('This browser cannot show notifications.');
      const answer = permission === 'granted' ? 'granted' : await Notification.requestPermission();
      setPermission(answer);
      if (answer !== 'granted') return setError('The browser did not allow notifications: allow them for this page in its site settings, then try again.');
    }
    const result = await bridge.invoke('prefs.set', { notifications: on });
    if (!result.ok) setError(result.error.message);
  }

  return (
    <section className="settings-section" data-testid="settings-notifications">
      <h2>Notifications</h2>
      <label className="check">
        <input type="checkbox" data-testid="notifications-toggle" checked={prefs?.notifications ?? false} disabled={!prefs} onChange={(e) => void change(e.target.checked)} />
        Notify me about tickets newly assigned to me, my tickets at SLA risk or breached, and escalations
      </label>
      <p className="muted">
        {desktop
          ? 'The desktop app shows these as system notifications.'
          : permission === 'granted'
            ? 'This browser may show notifications.'
            : permission === 'denied'
              ? 'This browser blocks notifications for this page.'
              : 'The browser asks for permission when you turn this on.'}{' '}
        The setting is yours, on this device.
      </p>
      {error && (
        <p className="error" role="alert" data-testid="notifications-error">
          {error}
        </p>
      )}
    </section>
  );
}
