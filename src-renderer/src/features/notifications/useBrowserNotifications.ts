// Browser notifications in the headless host, when the agent turned them on (Settings →
// Notifications) and the browser allows them. The desktop app (window.topicdesk) notifies from
// its main process instead, so this stays quiet there. A click opens the ticket.
import { useEffect, useMemo, useRef } from 'react';
import { useLiveQuery } from '../../api/bridge-context';
import { useAppStore } from '../../store/app.store';
import { escalationNotices, marksOf, ticketNotices, type BrowserNotice, type TicketMark } from './notification.rules';

/** What the browser says about notifications here; 'unsupported' where there is no API. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function show(notice: BrowserNotice): void {
  const notification = new Notification(notice.title, { body: notice.body, tag: notice.tag });
  notification.onclick = () => {
    window.focus();
    if (notice.ticketId) {
      const store = useAppStore.getState();
      store.setScreen('inbox');
      store.selectTicket(notice.ticketId);
    }
    notification.close();
  };
}

export function useBrowserNotifications(): void {
  const prefs = useLiveQuery('prefs', {}).value;
  const status = useLiveQuery('app.status', {}).value;
  const agents = useLiveQuery('agents.list', {}).value;
  const meId = status?.me?.agentId ?? null;
  const on = !window.topicdesk && prefs?.notifications === true && meId !== null && notificationPermission() === 'granted';
  const mine = useLiveQuery('tickets.list', on ? { view: 'mine', sort: 'sla', limit: 200 } : null).value;
  const escalations = useLiveQuery('automation.notifications', on ? { limit: 20 } : null).value;
  const lead = useMemo(() => agents?.some((a) => a.id === meId && (a.role === 'lead' || a.role === 'admin')) ?? false, [agents, meId]);

  const marks = useRef<Map<string, TicketMark> | null>(null);
  const seen = useRef<Set<string> | null>(null);

  // Turning them off (or another agent signing in) starts over with a quiet first look.
  useEffect(() => {
    marks.current = null;
    seen.current = null;
  }, [on, meId]);

  useEffect(() => {
    if (!on || !mine || meId === null) return;
    ticketNotices(marks.current, mine.items, meId).forEach(show);
    marks.current = marksOf(mine.items);
  }, [on, mine, meId]);

  useEffect(() => {
    if (!on || !escalations || meId === null) return;
    escalationNotices(seen.current, escalations, { agentId: meId, lead }).forEach(show);
    seen.current = new Set([...(seen.current ?? []), ...escalations.map((n) => n.id)]);
  }, [on, escalations, meId, lead]);
}
