// The whole window: sign-in until there is an account and a forum, then the inbox (views,
// ticket list, the open ticket) with the status bar always visible.
import { useLiveQuery } from '../../api/bridge-context';
import { ForumPicker } from '../account/ForumPicker';
import { SignIn } from '../account/SignIn';
import { TicketList } from '../inbox/TicketList';
import { SettingsScreen } from '../settings/SettingsScreen';
import { TicketPane } from '../ticket/TicketPane';
import { useAppStore } from '../../store/app.store';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { useUiRequests } from './useUiRequests';

function Inbox() {
  useKeyboardShortcuts();
  useUiRequests();
  const screen = useAppStore((s) => s.screen);
  return (
    <>
      <Sidebar />
      {screen === 'settings' ? (
        <SettingsScreen />
      ) : (
        <main className="workspace">
          <TicketList />
          <TicketPane />
        </main>
      )}
      <ShortcutsHelp />
    </>
  );
}

export function App() {
  const account = useLiveQuery('telegram.account', {}).value;
  const needsSignIn = account && account.step !== 'signed_in';
  const needsForum = account?.step === 'signed_in' && !account.forums.some((f) => f.selected);
  return (
    <div className={needsSignIn || needsForum ? 'app app-setup' : 'app'}>
      {!account ? null : needsSignIn ? <SignIn account={account} /> : needsForum ? <ForumPicker account={account} /> : <Inbox />}
      <StatusBar />
    </div>
  );
}
