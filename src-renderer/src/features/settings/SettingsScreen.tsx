// Settings: the Telegram account, the team's sync server, the Shopline store.
import { ShoplineSettings } from '../orders/ShoplineSettings';
import { SyncSettings } from './SyncSettings';
import { TelegramSettings } from './TelegramSettings';

export function SettingsScreen() {
  return (
    <main className="settings" data-testid="settings">
      <h1>Settings</h1>
      <TelegramSettings />
      <SyncSettings />
      <section className="settings-section">
        <h2>Shopline store</h2>
        <ShoplineSettings />
      </section>
    </main>
  );
}
