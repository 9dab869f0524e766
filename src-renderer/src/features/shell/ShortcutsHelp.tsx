// The list of keyboard shortcuts, opened with `?`.
import { useAppStore } from '../../store/app.store';
import { shortcuts } from './keyboard.map';

export function ShortcutsHelp() {
  const open = useAppStore((s) => s.shortcutsOpen);
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="shortcuts-help">
      <div className="dialog">
        <h2>Keyboard shortcuts</h2>
        <dl>
          {shortcuts.map((s) => (
            <div key={s.keys}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={() => useAppStore.getState().toggleShortcuts(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
