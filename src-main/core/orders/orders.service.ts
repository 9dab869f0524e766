// Orders for tickets: the ticket's linked orders (`orderRefs`), the orders its customer mentioned,
// the customer found by a remembered link, phone or email (and remembered on the ticket), their
// recent orders page by page, and order search. Wires the pure rules in this folder to the
// database and the Shopline connection. Main process.
import { CommandError, type Message, type Ticket } from '../../../src-preload/contract';
import type {
  CustomerMatch,
  CustomerView,
  FoundOrders,
  OrdersPage,
  OrderView,
  TicketOrders,
} from '../../../src-preload/contract/shopline.contract';
import type { TopicdeskDatabase } from '../db/database';
import type { LookupOptions, ShoplineLookupService } from '../shopline/shopline.lookup';
import type { OrderNumberFormat } from '../shopline/order-number.detect';
import type { ShoplineCustomer, ShoplineOrder } from '../shopline/shopline.types';
import { patchTicket } from '../tickets/ticket.patch';
import { pickCustomer } from './customer.match';
import { customerTier, defaultTierRule, type TierRule } from './customer.tier';
import { currentOrder, orderContextFrom, type OrderContext } from './order.context';
import { toCustomerView, toOrderView } from './order.view';
import type { ShoplineConnection } from './shopline.connection';
import { orderNumbersMentioned } from './ticket.mentions';

export interface OrdersServiceDeps {
  db: TopicdeskDatabase;
  connection: ShoplineConnection;
  clock: () => number;
  log?: (message: string, error?: unknown) => void;
  /** The store's order-number prefixes (`D` for `D2034`) for detection in messages. */
  orderFormat?: OrderNumberFormat;
  tierRule?: TierRule;
  /** How many of the customer's recent orders the panel shows at first. */
  recentOrders?: number;
}

/** More links than this on one ticket is a mistake, and each costs lookups on every opening. */
export const maxOrderRefs = 20;

/** Customers found this way are the ticket's customer for sure, and are remembered on it. */
const remembered: ReadonlySet<CustomerMatch> = new Set(['link', 'phone', 'email', 'linked_order']);

export class OrdersService {
  constructor(private readonly deps: OrdersServiceDeps) {}

  async ticketOrders({ ticketId, refresh = false }: { ticketId: string; refresh?: boolean }): Promise<TicketOrders> {
    const ticket = await this.ticket(ticketId);
    const messages = await this.deps.db.messages.find({ selector: { ticketId, kind: 'customer' } }).exec();
    const numbers = orderNumbersMentioned(
      ticket,
      messages.map((doc): Pick<Message, 'kind' | 'text' | 'deleted' | 'sentAt'> => doc.toMutableJSON()),
      this.deps.orderFormat,
    );
    const options: LookupOptions = { refresh };

    const result = await this.deps.connection.run(async (lookup) => {
      const linked: OrderView[] = [];
      const missingRefs: string[] = [];
      for (const id of ticket.orderRefs) {
        const details = await lookup.getOrderDetails(id, options);
        if (details) linked.push(toOrderView(details.order, details));
        else missingRefs.push(id);
      }

      const detected: OrderView[] = [];
      const shown = new Set(ticket.orderRefs);
      for (const number of numbers) {
        for (const order of await lookup.findOrdersByNumber(number, options)) {
          if (shown.has(order.id)) continue;
          shown.add(order.id);
          detected.push(await this.withDetails(lookup, order, options));
        }
      }

      const found = await this.findTicketCustomer(lookup, ticket, linked, detected, options);
      const customer = found ? toCustomerView(found.customer, found.by, customerTier(found.customer, this.tierRule)) : null;
      const customerOrders: OrdersPage = customer
        ? await this.page(lookup, customer.id, { limit: this.deps.recentOrders ?? 5, refresh })
        : { items: [], nextPageInfo: null };
      return { linked, detected, missingRefs, customer, customerOrders };
    });

    if (result.customer && remembered.has(result.customer.matchedBy)) await this.rememberCustomer(ticketId, result.customer);
    return { ...result, currentOrderId: currentOrder(result)?.id ?? null };
  }

  async linkOrder({ ticketId, orderId }: { ticketId: string; orderId: string }): Promise<{ ticketId: string; orderRefs: string[] }> {
    const ticket = await this.ticket(ticketId);
    if (!ticket.orderRefs.includes(orderId)) {
      if (ticket.orderRefs.length >= maxOrderRefs) {
        throw new CommandError('conflict', `A ticket can have at most ${maxOrderRefs} linked orders.`);
      }
      const order = await this.deps.connection.run((lookup) => lookup.getOrder(orderId));
      if (!order) throw new CommandError('not_found', `The store has no order with id ${orderId}.`);
    }
    return this.patchOrderRefs(ticketId, (refs) => (refs.includes(orderId) ? refs : [...refs, orderId]));
  }

  async unlinkOrder({ ticketId, orderId }: { ticketId: string; orderId: string }): Promise<{ ticketId: string; orderRefs: string[] }> {
    await this.ticket(ticketId);
    return this.patchOrderRefs(ticketId, (refs) => refs.filter((ref) => ref !== orderId));
  }

  customerOrders(params: { customerId: string; pageInfo?: string | null; limit?: number; refresh?: boolean }): Promise<OrdersPage> {
    return this.deps.connection.run((lookup) =>
      this.page(lookup, params.customerId, { pageInfo: params.pageInfo ?? null, limit: params.limit ?? 10, refresh: params.refresh ?? false }),
    );
  }

  /**
   * An order number finds that order; anything else is a customer search (email, phone, name):
   * the hits, and the recent orders of the one that is unmistakably meant.
   */
  findOrders({ query }: { query: string }): Promise<FoundOrders> {
    const text = query.trim();
    return this.deps.connection.run(async (lookup) => {
      if (/^#?\s*[A-Za-z]{0,5}-?\d{3,12}$/.test(text) && !/^\+/.test(text)) {
        const orders = await lookup.findOrdersByNumber(text);
        if (orders.length > 0 || /[#A-Za-z]/.test(text)) return { orders: orders.map((o) => toOrderView(o)), customers: [] };
      }
      const hits = (await lookup.findCustomers(text, { limit: 10 })).slice(0, 5);
      const customers = hits.map((c) => toCustomerView(c, 'search', customerTier(c, this.tierRule)));
      const exact = pickCustomer(hits, { phone: text, email: text.includes('@') ? text : null });
      const meant = exact ?? (hits.length === 1 ? hits[0] : null);
      const orders = meant ? (await this.page(lookup, meant.id, { limit: 10 })).items : [];
      return { orders, customers };
    });
  }

  /** The order replies talk about, for the composer's variables; null without one or without Shopline. */
  async currentOrder(ticketId: string): Promise<OrderView | null> {
    if (!this.deps.connection.configured) return null;
    try {
      const orders = await this.ticketOrders({ ticketId });
      return currentOrder(orders);
    } catch (error) {
      this.deps.log?.(`no current order for ${ticketId}`, error);
      return null;
    }
  }

  /**
   * Order value and tier for routing and SLA conditions. Never fails: without Shopline (or when
   * it fails) the value is null and the tier is what the ticket already says.
   */
  async orderContextFor(ticket: Ticket): Promise<OrderContext> {
    if (!this.deps.connection.configured) return orderContextFrom(ticket, null, null);
    try {
      const orders = await this.ticketOrders({ ticketId: ticket.id });
      return orderContextFrom(ticket, currentOrder(orders), orders.customer);
    } catch (error) {
      this.deps.log?.(`no order context for ${ticket.id}`, error);
      return orderContextFrom(ticket, null, null);
    }
  }

  private get tierRule(): TierRule {
    return this.deps.tierRule ?? defaultTierRule;
  }

  private async ticket(ticketId: string): Promise<Ticket> {
    const doc = await this.deps.db.tickets.findOne(ticketId).exec();
    if (!doc) throw new CommandError('not_found', `Ticket ${ticketId} does not exist.`);
    return doc.toMutableJSON();
  }

  private async withDetails(lookup: ShoplineLookupService, order: ShoplineOrder, options: LookupOptions): Promise<OrderView> {
    const [fulfillments, refunds] = await Promise.all([lookup.getFulfillments(order.id, options), lookup.getRefunds(order.id, options)]);
    return toOrderView(order, { fulfillments, refunds });
  }

  private async page(
    lookup: ShoplineLookupService,
    customerId: string,
    options: { pageInfo?: string | null; limit: number; refresh?: boolean },
  ): Promise<OrdersPage> {
    const page = await lookup.listCustomerOrders(customerId, options);
    return { items: page.items.map((o) => toOrderView(o)), nextPageInfo: page.nextPageInfo };
  }

  /**
   * In order of trust: the link remembered on the ticket, the ticket's phone, its email, a linked
   * order's customer; last, the customer of an order they mentioned (shown, never remembered:
   * anyone can type someone else's order number).
   */
  private async findTicketCustomer(
    lookup: ShoplineLookupService,
    ticket: Ticket,
    linked: readonly OrderView[],
    detected: readonly OrderView[],
    options: LookupOptions,
  ): Promise<{ customer: ShoplineCustomer; by: CustomerMatch } | null> {
    const { shoplineCustomerId, phone, email } = ticket.customer;
    if (shoplineCustomerId) {
      const customer = await lookup.getCustomer(shoplineCustomerId, options);
      if (customer) return { customer, by: 'link' };
    }
    if (phone?.trim()) {
      const customer = pickCustomer(await lookup.findCustomers(phone, options), { phone });
      if (customer) return { customer, by: 'phone' };
    }
    if (email?.trim() && email.trim().length <= 50) {
      const customer = pickCustomer(await lookup.findCustomers(email, options), { email });
      if (customer) return { customer, by: 'email' };
    }
    for (const [orders, by] of [
      [linked, 'linked_order'],
      [detected, 'detected_order'],
    ] as const) {
      const id = orders.find((o) => o.customer?.id)?.customer?.id;
      if (!id) continue;
      const customer = await lookup.getCustomer(id, options);
      if (customer) return { customer, by };
    }
    return null;
  }

  /** Saves the customer's Shopline id and tier on the ticket, stamping their field times. */
  private async rememberCustomer(ticketId: string, customer: CustomerView): Promise<void> {
    const doc = await this.deps.db.tickets.findOne(ticketId).exec();
    if (!doc) return;
    const current = doc.toMutableJSON().customer;
    if (current.shoplineCustomerId === customer.id && current.tier === customer.tier) return;
    await doc.incrementalModify((data) =>
      patchTicket(data, { customer: { ...data.customer, shoplineCustomerId: customer.id, tier: customer.tier } }, this.deps.clock()),
    );
  }

  private async patchOrderRefs(ticketId: string, change: (refs: string[]) => string[]): Promise<{ ticketId: string; orderRefs: string[] }> {
    const doc = await this.deps.db.tickets.findOne(ticketId).exec();
    if (!doc) throw new CommandError('not_found', `Ticket ${ticketId} does not exist.`);
    const updated = await doc.incrementalModify((data) => patchTicket(data, { orderRefs: change([...data.orderRefs]) }, this.deps.clock()));
    return { ticketId, orderRefs: [...updated.orderRefs] };
  }
}
