// A one-line notice of what a shortcut did, or why the core refused it; fades after a while.
import { useEffect } from 'react';
import { useAppStore } from '../../store/app.store';

const SHOW_MS = 4_000;

export function NoticeBar() {
  const notice = useAppStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => useAppStore.getState().dismissNotice(notice.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      {notice.text}
    </div>
  );
}
