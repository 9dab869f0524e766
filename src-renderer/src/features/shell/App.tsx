// The whole window: views, ticket list, the open ticket, and the status bar.
import { TicketList } from '../inbox/TicketList';
import { TicketPane } from '../ticket/TicketPane';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

export function App() {
  useKeyboardShortcuts();
  return (
    <div className="app">
      <Sidebar />
      <main className="workspace">
        <TicketList />
        <TicketPane />
      </main>
      <StatusBar />
      <ShortcutsHelp />
    </div>
  );
}
