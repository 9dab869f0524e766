// What the order panel shows for a state of the Shopline connection and of the ticket's lookup:
// not connected, waiting out a rate limit, a plain error (never half the data), or the orders.
// Presentational (no bridge), so every state can be rendered in a test; renderer.
import { useState, type FormEvent } from 'react';
import type { FoundOrders, OrderView, ShoplineStatus, TicketOrders } from '../../../../src-preload/contract/shopline.contract';
import { OrderCard, type OrderAction } from './OrderCard';
import { money, waitingText } from './order.format';

export type PanelData =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; orders: TicketOrders; moreOrders: OrderView[]; nextPageInfo: string | null };

export type SearchOutcome = { ok: true; found: FoundOrders } | { ok: false; message: string };

export interface OrderPanelViewProps {
  status: ShoplineStatus | undefined;
  data: PanelData;
  /** The shown data is being fetched again (after a link, a new message, or Refresh). */
  updating?: boolean;
  /** The order a link or unlink is running for. */
  busyOrderId?: string | null;
  actionError?: string | null;
  loadingMore?: boolean;
  onRefresh(): void;
  onLink(orderId: string): void;
  onUnlink(orderId: string): void;
  onMore(): void;
  onFind(query: string): Promise<SearchOutcome>;
}

const notConnectedText = 'Shopline is not connected. Connect a store in Settings to see orders here.';

export function OrderPanelView(props: OrderPanelViewProps) {
  const { status, data } = props;
  return (
    <aside className="order-panel" data-testid="order-panel" aria-label="Shopline orders">
      <header className="order-panel-head">
        <h3>Orders</h3>
        {status?.demo && (
          <span className="demo-label" title="A simulated Shopline store: nothing here is real">
            Demo store
          </span>
        )}
        {status?.configured && (
          <button type="button" className="order-refresh" data-testid="order-refresh" onClick={props.onRefresh} disabled={data.kind === 'loading' || props.updating}>
            {props.updating ? 'Updating…' : 'Refresh'}
          </button>
        )}
      </header>
      {status?.state === 'waiting' && status.waitingUntil !== null && (
        <p className="order-waiting" role="status" data-testid="order-panel-waiting">
          {waitingText(status.waitingUntil)}: Shopline asked us to slow down.
        </p>
      )}
      <PanelBody {...props} />
    </aside>
  );
}

function PanelBody(props: OrderPanelViewProps) {
  const { status, data } = props;
  if (!status) return <p className="loading">Loading…</p>;
  if (!status.configured) {
    return (
      <p className="muted" data-testid="order-panel-not-connected">
        {status.error ?? notConnectedText}
      </p>
    );
  }
  // A failure replaces the orders entirely: half an order (no refunds, stale totals) misleads.
  if (data.kind === 'error') return <Problem message={data.message} />;
  if (status.state === 'error' && status.error) return <Problem message={status.error} />;
  if (data.kind === 'loading') return <p className="loading">Looking up orders…</p>;
  return <Orders {...props} data={data} />;
}

function Problem({ message }: { message: string }) {
  return (
    <p className="error order-error" role="alert" data-testid="order-panel-error">
      {message}
    </p>
  );
}

function Orders(props: OrderPanelViewProps & { data: Extract<PanelData, { kind: 'ready' }> }) {
  const { orders, moreOrders, nextPageInfo } = props.data;
  const linkedIds = new Set(orders.linked.map((o) => o.id));
  const link = (order: OrderView): OrderAction | null =>
    linkedIds.has(order.id)
      ? null
      : { label: 'Link to ticket', testId: 'order-link-button', onClick: () => props.onLink(order.id), disabled: props.busyOrderId === order.id };
  const unlink = (order: OrderView): OrderAction => ({
    label: 'Unlink',
    testId: 'order-unlink-button',
    onClick: () => props.onUnlink(order.id),
    disabled: props.busyOrderId === order.id,
  });
  const customerOrders = [...orders.customerOrders.items, ...moreOrders].filter(
    (o) => !linkedIds.has(o.id) && !orders.detected.some((d) => d.id === o.id),
  );
  const customer = orders.customer;
  // Shopline gives a customer's total without its currency: a store sells in one, so take an order's.
  const storeCurrency = [...orders.linked, ...orders.detected, ...orders.customerOrders.items][0]?.currency ?? null;

  return (
    <div className="order-panel-body">
      {props.actionError && (
        <p className="error" role="alert">
          {props.actionError}
        </p>
      )}
      <section>
        <h4>Linked to this ticket</h4>
        {orders.linked.length === 0 && <p className="muted">No order linked yet.</p>}
        {orders.linked.map((o) => (
          <OrderCard key={o.id} order={o} action={unlink(o)} current={o.id === orders.currentOrderId} />
        ))}
        {orders.missingRefs.length > 0 && (
          <p className="warning">
            {orders.missingRefs.length === 1 ? 'One linked order is' : `${orders.missingRefs.length} linked orders are`} no longer in the store.
          </p>
        )}
      </section>
      {orders.detected.length > 0 && (
        <section>
          <h4>Mentioned by the customer</h4>
          {orders.detected.map((o) => (
            <OrderCard key={o.id} order={o} action={link(o)} current={o.id === orders.currentOrderId} />
          ))}
        </section>
      )}
      {customer && (
        <section className="order-customer" data-testid="order-customer">
          <h4>Customer</h4>
          <p>
            <strong>{customer.name || customer.email || customer.phone}</strong>
            {customer.tier !== 'standard' && <span className={`chip tier-${customer.tier}`}>{customer.tier}</span>}
          </p>
          <p className="muted">
            {[
              customer.email,
              customer.phone,
              customer.ordersCount !== null ? `${customer.ordersCount} order${customer.ordersCount === 1 ? '' : 's'}` : null,
              customer.totalSpent !== null ? `spent ${storeCurrency ? money(customer.totalSpent, storeCurrency) : customer.totalSpent}` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {customer.matchedBy === 'detected_order' && (
            <p className="muted">Found through an order number they wrote: link an order to confirm it is them.</p>
          )}
          {customerOrders.length > 0 && <h4>Recent orders</h4>}
          {customerOrders.map((o) => (
            <OrderCard key={o.id} order={o} action={link(o)} compact />
          ))}
          {nextPageInfo && (
            <button type="button" className="order-more" data-testid="order-more" onClick={props.onMore} disabled={props.loadingMore}>
              {props.loadingMore ? 'Loading…' : 'More orders'}
            </button>
          )}
        </section>
      )}
      <OrderSearch onFind={props.onFind} link={link} />
    </div>
  );
}

function OrderSearch({ onFind, link }: { onFind(query: string): Promise<SearchOutcome>; link(order: OrderView): OrderAction | null }) {
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SearchOutcome | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!query.trim() || busy) return;
    setBusy(true);
    setOutcome(await onFind(query.trim()));
    setBusy(false);
  }

  return (
    <section className="order-search">
      <form onSubmit={(event) => void submit(event)}>
        <input
          type="search"
          data-testid="order-search-input"
          placeholder="Order number, email or phone"
          aria-label="Find an order by number, email or phone"
          value={query}
          maxLength={100}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" disabled={busy || !query.trim()}>
          {busy ? 'Finding…' : 'Find'}
        </button>
      </form>
      {outcome && !outcome.ok && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome?.ok && outcome.found.orders.length === 0 && <p className="muted">No orders found.</p>}
      {outcome?.ok && outcome.found.orders.map((o) => <OrderCard key={o.id} order={o} action={link(o)} compact />)}
    </section>
  );
}
