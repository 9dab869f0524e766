// The order panel on a ticket: looks up the ticket's Shopline orders through the core (again when
// its linked orders or customer messages change), links and unlinks orders, pages through the
// customer's orders, and finds orders by number, email or phone. Renderer.
import { useEffect, useRef, useState } from 'react';
import type { BridgeError, Result } from '../../../../src-preload/contract';
import { FoundOrders, OrdersPage, TicketOrders } from '../../../../src-preload/contract/shopline.contract';
import { useBridge, useLiveQuery } from '../../api/bridge-context';
import { OrderPanelView, type PanelData, type SearchOutcome } from './OrderPanelView';

const unreadable = 'Topicdesk received order data it cannot show, so none is shown. Try Refresh.';

/** Checks what crossed the bridge before showing it: a malformed answer is an error, never half a panel. */
export function panelDataFrom(result: Result<unknown>): PanelData {
  if (!result.ok) return { kind: 'error', message: result.error.message };
  const parsed = TicketOrders.safeParse(result.value);
  return parsed.success ? { kind: 'ready', orders: parsed.data, moreOrders: [], nextPageInfo: parsed.data.customerOrders.nextPageInfo } : { kind: 'error', message: unreadable };
}

const messageOf = (error: BridgeError): string => error.issues?.[0]?.replace(/^[^:]*: /, '') ?? error.message;

export function OrderPanel({ ticketId }: { ticketId: string }) {
  // The bridge itself (stable across renders), not useCommand's per-render function, so the
  // lookup effect runs only when what it depends on changes.
  const bridge = useBridge();
  const { value: status } = useLiveQuery('shopline.status', {});
  const { value: ticket } = useLiveQuery('tickets.get', { ticketId });
  const [shown, setShown] = useState<{ key: string; data: PanelData } | null>(null);
  const [busyOrderId, setBusyOrderId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const latest = useRef(0);

  // Look again when the orders could differ: another link, a new customer message, a new contact
  // detail, another store. (The remembered customer id is left out: saving it changes nothing shown.)
  const wanted =
    status?.configured && ticket
      ? JSON.stringify([ticketId, status.handle, ticket.orderRefs, ticket.lastCustomerAt, ticket.customer.phone, ticket.customer.email])
      : null;

  useEffect(() => {
    if (wanted === null) return;
    const request = ++latest.current;
    void bridge.invoke('shopline.ticketOrders', { ticketId, refresh: false }).then((result) => {
      if (request === latest.current) setShown({ key: wanted, data: panelDataFrom(result) });
    });
  }, [bridge, ticketId, wanted]);

  async function refresh(): Promise<void> {
    if (wanted === null) return;
    const request = ++latest.current;
    setShown({ key: wanted, data: { kind: 'loading' } });
    const result = await bridge.invoke('shopline.ticketOrders', { ticketId, refresh: true });
    if (request === latest.current) setShown({ key: wanted, data: panelDataFrom(result) });
  }

  async function changeLink(orderId: string, linked: boolean): Promise<void> {
    setBusyOrderId(orderId);
    const result = await bridge.invoke(linked ? 'shopline.linkOrder' : 'shopline.unlinkOrder', { ticketId, orderId });
    setBusyOrderId(null);
    // On success the ticket's orderRefs change, and the effect above looks the orders up again.
    setActionError(result.ok ? null : messageOf(result.error));
  }

  async function more(): Promise<void> {
    const current = shown;
    if (current?.data.kind !== 'ready' || !current.data.nextPageInfo || !current.data.orders.customer) return;
    setLoadingMore(true);
    const result = await bridge.invoke('shopline.customerOrders', {
      customerId: current.data.orders.customer.id,
      pageInfo: current.data.nextPageInfo,
    });
    setLoadingMore(false);
    const page = result.ok ? OrdersPage.safeParse(result.value) : null;
    if (!page?.success) {
      setActionError(result.ok ? unreadable : messageOf(result.error));
      return;
    }
    setShown((s) =>
      s === current && s.data.kind === 'ready'
        ? { key: s.key, data: { ...s.data, moreOrders: [...s.data.moreOrders, ...page.data.items], nextPageInfo: page.data.nextPageInfo } }
        : s,
    );
  }

  async function find(query: string): Promise<SearchOutcome> {
    const result = await bridge.invoke('shopline.findOrders', { query });
    if (!result.ok) return { ok: false, message: messageOf(result.error) };
    const parsed = FoundOrders.safeParse(result.value);
    return parsed.success ? { ok: true, found: parsed.data } : { ok: false, message: unreadable };
  }

  // While a new lookup runs, the previous answer for this ticket stays up, marked as updating.
  const data: PanelData = shown?.data ?? { kind: 'loading' };
  return (
    <OrderPanelView
      status={status}
      data={data}
      updating={shown !== null && shown.key !== wanted && wanted !== null}
      busyOrderId={busyOrderId}
      actionError={actionError}
      loadingMore={loadingMore}
      onRefresh={() => void refresh()}
      onLink={(orderId) => void changeLink(orderId, true)}
      onUnlink={(orderId) => void changeLink(orderId, false)}
      onMore={() => void more()}
      onFind={find}
    />
  );
}
