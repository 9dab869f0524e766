// Settings: the agent's own account and notifications, the team's templates, SLA policies,
// calendars, routing and agents, the sync server and the Shopline store; one section at a time.
import { useAppStore } from '../../store/app.store';
import type { SettingsSection } from '../../store/settings.slice';
import { ShoplineSettings } from '../orders/ShoplineSettings';
import { AgentsSettings } from './AgentsSettings';
import { CalendarsSettings } from './CalendarsSettings';
import { NotificationSettings } from './NotificationSettings';
import { RoutingSettingsSection } from './RoutingSettingsSection';
import { SlaPoliciesSettings } from './SlaPoliciesSettings';
import { SyncSettings } from './SyncSettings';
import { TelegramSettings } from './TelegramSettings';
import { TemplatesSettings } from './TemplatesSettings';

const sections: { id: SettingsSection; label: string; group: 'You' | 'Team' | 'Connections' }[] = [
  { id: 'account', label: 'Telegram account', group: 'You' },
  { id: 'notifications', label: 'Notifications', group: 'You' },
  { id: 'templates', label: 'Templates', group: 'Team' },
  { id: 'sla', label: 'SLA policies', group: 'Team' },
  { id: 'calendars', label: 'Calendars', group: 'Team' },
  { id: 'routing', label: 'Routing', group: 'Team' },
  { id: 'agents', label: 'Agents', group: 'Team' },
  { id: 'sync', label: 'Sync server', group: 'Connections' },
  { id: 'shopline', label: 'Shopline store', group: 'Connections' },
];

function Section({ id }: { id: SettingsSection }) {
  switch (id) {
    case 'account':
      return <TelegramSettings />;
    case 'notifications':
      return <NotificationSettings />;
    case 'templates':
      return <TemplatesSettings />;
    case 'sla':
      return <SlaPoliciesSettings />;
    case 'calendars':
      return <CalendarsSettings />;
    case 'routing':
      return <RoutingSettingsSection />;
    case 'agents':
      return <AgentsSettings />;
    case 'sync':
      return <SyncSettings />;
    case 'shopline':
      return (
        <section className="settings-section" data-testid="settings-shopline">
          <h2>Shopline store</h2>
          <ShoplineSettings />
        </section>
      );
  }
}

export function SettingsScreen() {
  const current = useAppStore((s) => s.settingsSection);
  const open = useAppStore((s) => s.openSettings);
  return (
    <main className="settings" data-testid="settings">
      <nav className="settings-nav" aria-label="Settings sections">
        <h1>Settings</h1>
        {(['You', 'Team', 'Connections'] as const).map((group) => (
          <div key={group}>
            <div className="settings-group">{group}</div>
            <ul>
              {sections
                .filter((s) => s.group === group)
                .map((s) => (
                  <li key={s.id}>
                    <button type="button" data-testid={`settings-nav-${s.id}`} aria-current={current === s.id ? 'page' : undefined} onClick={() => open(s.id)}>
                      {s.label}
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className="settings-content">
        <Section id={current} />
      </div>
    </main>
  );
}
