// ShoplineLookupService: what the core calls for the ticket's order panel, template variables and
// "orders mentioned in this message". Wraps a ShoplineClient with a short TTL cache (60 s by
// default), joins identical lookups already in flight, and lets `refresh` bypass both.
// Main process.
import { LookupCache } from './lookup.cache';
import { detectOrderNumbers } from './order-number.detect';
import type { OrderNumberFormat } from './order-number.detect';
import { normalizeCustomerQuery, normalizeOrderNumber } from './shopline.client';
import type { ShoplineClient } from './shopline.client';
import type {
  ShoplineCustomer,
  ShoplineFulfillment,
  ShoplineOrder,
  ShoplinePage,
  ShoplineRateState,
  ShoplineRefund,
} from './shopline.types';

export interface LookupOptions {
  /** Skip the cache and ask Shopline again (the panel's refresh button). */
  refresh?: boolean;
}

export interface ShoplineLookupOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/** The order panel's data: the order with its shipments and refunds as separately fetched. */
export interface ShoplineOrderDetails {
  order: ShoplineOrder;
  fulfillments: ShoplineFulfillment[];
  refunds: ShoplineRefund[];
}

/** A cache for one kind of lookup, that also joins callers asking for the same key at once. */
class Memo<T> {
  private readonly cache: LookupCache<T>;
  private readonly inflight = new Map<string, Promise<T>>();

  constructor(options: ShoplineLookupOptions) {
    this.cache = new LookupCache<T>(options);
  }

  get(key: string, load: () => Promise<T>, refresh = false): Promise<T> {
    if (!refresh) {
      const hit = this.cache.get(key);
      if (hit !== undefined) return Promise.resolve(hit);
      const pending = this.inflight.get(key);
      if (pending) return pending;
    }
    const promise = load().then(
      (value) => {
        if (this.inflight.get(key) === promise) this.inflight.delete(key);
        this.cache.set(key, value);
        return value;
      },
      (error: unknown) => {
        // Failures are not cached: the next look should try again.
        if (this.inflight.get(key) === promise) this.inflight.delete(key);
        throw error;
      },
    );
    this.inflight.set(key, promise);
    return promise;
  }

  put(key: string, value: T): void {
    this.cache.set(key, value);
  }

  delete(key: string): void {
    this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
    this.inflight.clear();
  }
}

export class ShoplineLookupService {
  private readonly ordersByNumber: Memo<ShoplineOrder[]>;
  private readonly orders: Memo<ShoplineOrder | null>;
  private readonly customersByQuery: Memo<ShoplineCustomer[]>;
  private readonly customers: Memo<ShoplineCustomer | null>;
  private readonly customerOrders: Memo<ShoplinePage<ShoplineOrder>>;
  private readonly fulfillments: Memo<ShoplineFulfillment[]>;
  private readonly refunds: Memo<ShoplineRefund[]>;

  constructor(
    private readonly client: ShoplineClient,
    options: ShoplineLookupOptions = {},
  ) {
    this.ordersByNumber = new Memo(options);
    this.orders = new Memo(options);
    this.customersByQuery = new Memo(options);
    this.customers = new Memo(options);
    this.customerOrders = new Memo(options);
    this.fulfillments = new Memo(options);
    this.refunds = new Memo(options);
  }

  start(): void {
    // Nothing to open: lookups are made on demand.
  }

  dispose(): void {
    this.clear();
  }

  get store(): string {
    return this.client.store;
  }

  get rateState(): ShoplineRateState {
    return this.client.rateState;
  }

  onStateChanged(listener: (state: ShoplineRateState) => void): () => void {
    return this.client.onStateChanged(listener);
  }

  async findOrdersByNumber(number: string, { refresh }: LookupOptions = {}): Promise<ShoplineOrder[]> {
    const key = normalizeOrderNumber(number);
    const found = await this.ordersByNumber.get(key, () => this.client.findOrdersByNumber(number), refresh);
    for (const order of found) this.orders.put(order.id, order);
    return found;
  }

  getOrder(id: string, { refresh }: LookupOptions = {}): Promise<ShoplineOrder | null> {
    return this.orders.get(id, () => this.client.getOrder(id), refresh);
  }

  /** The order with its fulfilments and refunds, fetched together for the order panel. */
  async getOrderDetails(id: string, options: LookupOptions = {}): Promise<ShoplineOrderDetails | null> {
    const order = await this.getOrder(id, options);
    if (!order) return null;
    const [fulfillments, refunds] = await Promise.all([this.getFulfillments(id, options), this.getRefunds(id, options)]);
    return { order, fulfillments, refunds };
  }

  findCustomers(query: string, { refresh, limit = 20 }: LookupOptions & { limit?: number } = {}): Promise<ShoplineCustomer[]> {
    const key = `${limit}:${normalizeCustomerQuery(query).toLowerCase()}`;
    return this.customersByQuery.get(key, () => this.client.findCustomers(query, { limit }), refresh);
  }

  getCustomer(id: string, { refresh }: LookupOptions = {}): Promise<ShoplineCustomer | null> {
    return this.customers.get(id, () => this.client.getCustomer(id), refresh);
  }

  listCustomerOrders(
    customerId: string,
    { pageInfo = null, limit = 20, refresh }: LookupOptions & { pageInfo?: string | null; limit?: number } = {},
  ): Promise<ShoplinePage<ShoplineOrder>> {
    const key = `${customerId}:${limit}:${pageInfo ?? ''}`;
    return this.customerOrders.get(
      key,
      () => this.client.listCustomerOrders(customerId, { pageInfo, limit }),
      refresh,
    );
  }

  getFulfillments(orderId: string, { refresh }: LookupOptions = {}): Promise<ShoplineFulfillment[]> {
    return this.fulfillments.get(orderId, () => this.client.getFulfillments(orderId), refresh);
  }

  getRefunds(orderId: string, { refresh }: LookupOptions = {}): Promise<ShoplineRefund[]> {
    return this.refunds.get(orderId, () => this.client.getRefunds(orderId), refresh);
  }

  /**
   * The store's orders that a customer's message mentions (`#1042`, `order 1042`, `D2034`), in the
   * order they are mentioned, each once. Looked up one after another: the throttle spaces them anyway.
   */
  async ordersMentionedIn(
    text: string,
    format: OrderNumberFormat = {},
    options: LookupOptions = {},
  ): Promise<ShoplineOrder[]> {
    const found = new Map<string, ShoplineOrder>();
    for (const mention of detectOrderNumbers(text, format)) {
      for (const order of await this.findOrdersByNumber(mention.number, options)) found.set(order.id, order);
    }
    return [...found.values()];
  }

  /** Forget what we know about one order (an `orders/updated` webhook arrived). */
  invalidateOrder(orderId: string): void {
    this.orders.delete(orderId);
    this.fulfillments.delete(orderId);
    this.refunds.delete(orderId);
    // Number lookups and customer order pages may embed the order; they are cheap to refetch.
    this.ordersByNumber.clear();
    this.customerOrders.clear();
  }

  invalidateCustomer(customerId: string): void {
    this.customers.delete(customerId);
    this.customersByQuery.clear();
  }

  clear(): void {
    for (const memo of [
      this.ordersByNumber,
      this.orders,
      this.customersByQuery,
      this.customers,
      this.customerOrders,
      this.fulfillments,
      this.refunds,
    ]) {
      memo.clear();
    }
  }
}
