// One Shopline order in the order panel: number, date, items, totals, payment and shipping state,
// tracking (links open outside after a confirm), refunds. Presentational; renderer.
import type { ReactNode } from 'react';
import type { OrderView } from '../../../../src-preload/contract/shopline.contract';
import { money, openOutside, orderDate, stateLabel } from './order.format';

export interface OrderAction {
  label: string;
  testId: string;
  onClick(): void;
  disabled?: boolean;
}

function OutsideLink({ url, children }: { url: string; children: ReactNode }) {
  return (
    <a
      href={url}
      onClick={(event) => {
        event.preventDefault();
        openOutside(url);
      }}
    >
      {children}
    </a>
  );
}

/** Numbers paired with their links in Shopline's order; one link for several numbers serves them all. */
function TrackingNumbers({ numbers, urls }: { numbers: string[]; urls: string[] }) {
  const linkFor = (i: number) => urls[i] ?? (urls.length === 1 ? urls[0] : undefined);
  if (numbers.length === 0) {
    return (
      <>
        {urls.map((url) => (
          <OutsideLink key={url} url={url}>Track the parcel</OutsideLink>
        ))}
      </>
    );
  }
  return (
    <>
      {numbers.map((number, i) => {
        const url = linkFor(i);
        return <span key={number} className="tracking-number">{url ? <OutsideLink url={url}>{number}</OutsideLink> : number}</span>;
      })}
    </>
  );
}

function Tracking({ order }: { order: OrderView }) {
  if (order.shipments.length > 0) {
    return (
      <ul className="order-shipments">
        {order.shipments.map((s) => (
          <li key={s.id} className={s.status === 'cancelled' ? 'cancelled' : undefined}>
            <span className="order-label">
              {s.status === 'cancelled' ? 'Cancelled shipment' : stateLabel(s.shipmentStatus ?? 'in_transit')}
              {s.company ? ` · ${s.company}` : ''}
              {s.createdAt !== null ? ` · shipped ${orderDate(s.createdAt)}` : ''}
            </span>{' '}
            {s.status !== 'cancelled' && <TrackingNumbers numbers={s.trackingNumbers} urls={s.trackingUrls} />}
          </li>
        ))}
      </ul>
    );
  }
  const { company, numbers, urls } = order.tracking;
  if (numbers.length === 0 && urls.length === 0) return null;
  return (
    <div className="order-tracking">
      <span className="order-label">Tracking{company ? ` (${company})` : ''}</span> <TrackingNumbers numbers={numbers} urls={urls} />
    </div>
  );
}

export function OrderCard({ order, action, current = false, compact = false }: { order: OrderView; action?: OrderAction | null; current?: boolean; compact?: boolean }) {
  return (
    <article className={`order-card${current ? ' current' : ''}${compact ? ' compact' : ''}`} data-testid="order-card" data-order-number={order.number}>
      <header className="order-card-head">
        <strong className="order-number">{order.number}</strong>
        <span className="order-date">{orderDate(order.createdAt)}</span>
        <span className="order-total">{money(order.total, order.currency)}</span>
      </header>
      <div className="order-states">
        <span className={`chip order-status status-${order.customerStatus.replace(/[^a-z]+/g, '-')}`}>{stateLabel(order.customerStatus)}</span>
        <span className="chip" title="Payment">Payment: {stateLabel(order.financialStatus)}</span>
        <span className="chip" title="Shipping">Shipping: {stateLabel(order.fulfillmentStatus)}</span>
        {current && <span className="chip current-chip" title="Reply templates use this order">Current</span>}
      </div>
      {!compact && (
        <>
          <ul className="order-items">
            {order.items.map((item, i) => (
              <li key={`${item.sku ?? item.title}-${i}`}>
                <span>
                  {item.quantity} × {item.title}
                  {item.variant ? <span className="muted"> · {item.variant}</span> : null}
                </span>
                <span className="order-price">
                  {money(item.price, order.currency)}
                  {item.quantity > 1 ? ' each' : ''}
                </span>
              </li>
            ))}
          </ul>
          <dl className="order-totals">
            <div>
              <dt>{order.refundedTotal !== null ? 'Total after refunds' : 'Total'}</dt>
              <dd>{money(order.total, order.currency)}</dd>
            </div>
            {order.refundedTotal !== null && (
              <div className="order-refunded">
                <dt>Refunded</dt>
                <dd>{money(order.refundedTotal, order.currency)}</dd>
              </div>
            )}
          </dl>
          <Tracking order={order} />
          {order.refunds.length > 0 && (
            <ul className="order-refunds">
              {order.refunds.map((r) => (
                <li key={r.id}>
                  Refund {r.amount !== null ? money(r.amount, order.currency) : '(amount unknown)'}
                  {r.createdAt !== null ? ` on ${orderDate(r.createdAt)}` : ''}
                  {r.note ? ` — ${r.note}` : ''}
                </li>
              ))}
            </ul>
          )}
          {order.note && <p className="order-note">Customer note: {order.note}</p>}
          {order.statusUrl && (
            <p className="order-status-page">
              <OutsideLink url={order.statusUrl}>Order status page</OutsideLink>
            </p>
          )}
        </>
      )}
      {action && (
        <div className="order-actions">
          <button type="button" data-testid={action.testId} onClick={action.onClick} disabled={action.disabled}>
            {action.label}
          </button>
        </div>
      )}
    </article>
  );
}
