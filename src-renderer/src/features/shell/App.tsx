// The whole window: sign-in until there is an account and a forum, then the workspace (views,
// ticket list and the open ticket; the team lead's queue; Settings) with the status bar always
// visible.
import { useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';
import { ForumPicker } from '../account/ForumPicker';
import { SignIn } from '../account/SignIn';
import { TicketList } from '../inbox/TicketList';
import { useBrowserNotifications } from '../notifications/useBrowserNotifications';
import { QueueScreen } from '../queue/QueueScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { TicketPane } from '../ticket/TicketPane';
import { NoticeBar } from './NoticeBar';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { useUiRequests } from './useUiRequests';

function Workspace() {
  useKeyboardShortcuts();
  useUiRequests();
  useBrowserNotifications();
  const screen = useAppStore((s) => s.screen);
  return (
    <>
      <Sidebar />
      {screen === 'settings' ? (
        <SettingsScreen />
      ) : screen === 'queue' ? (
        <QueueScreen />
      ) : (
        <main className="workspace">
          <TicketList />
          <TicketPane />
        </main>
      )}
      <ShortcutsHelp />
      <NoticeBar />
    </>
  );
}

export function App() {
  const account = useLiveQuery('telegram.account', {}).value;
  const needsSignIn = account && account.step !== 'signed_in';
  const needsForum = account?.step === 'signed_in' && !account.forums.some((f) => f.selected);
  return (
    <div className={needsSignIn || needsForum ? 'app app-setup' : 'app'}>
      {!account ? null : needsSignIn ? <SignIn account={account} /> : needsForum ? <ForumPicker account={account} /> : <Workspace />}
      <StatusBar />
    </div>
  );
}
