// Builds the Shopline connection and the orders service for startCore (and the demo store with
// `--demo`), and hands back their bridge handlers. Main process.
import type { TopicdeskDatabase } from '../db/database';
import type { LocalState } from '../db/local-state';
import type { SecretStore } from '../secrets/secret.store';
import type { OrderNumberFormat } from '../shopline/order-number.detect';
import type { ShoplineLookupOptions } from '../shopline/shopline.lookup';
import type { TierRule } from './customer.tier';
import { startDemoShopline, type DemoShopline } from './demo.shopline';
import { OrdersService } from './orders.service';
import { ShoplineConnection, type ClientExtras } from './shopline.connection';
import { shoplineHandlers, type ShoplineCommandHandlers, type ShoplineLiveQueryHandlers } from './shopline.handlers';

export interface ShoplineSetupDeps {
  db: TopicdeskDatabase;
  local: LocalState;
  secrets: SecretStore;
  clock: () => number;
  log?: (message: string, error?: unknown) => void;
  /** Serve the demo store on loopback and connect to it instead of any saved store. */
  demo?: boolean;
  client?: ClientExtras;
  lookup?: ShoplineLookupOptions;
  orderFormat?: OrderNumberFormat;
  tierRule?: TierRule;
}

export interface ShoplineSetup {
  readonly connection: ShoplineConnection;
  readonly orders: OrdersService;
  readonly commands: ShoplineCommandHandlers;
  readonly liveQueries: ShoplineLiveQueryHandlers;
  dispose(): Promise<void>;
}

export async function startShopline(deps: ShoplineSetupDeps): Promise<ShoplineSetup> {
  const demo: DemoShopline | null = deps.demo ? await startDemoShopline() : null;
  const connection = new ShoplineConnection({
    local: deps.local,
    secrets: deps.secrets,
    clock: deps.clock,
    log: deps.log,
    client: deps.client,
    lookup: deps.lookup,
    demo: demo?.clientOptions ?? null,
  });
  const orders = new OrdersService({
    db: deps.db,
    connection,
    clock: deps.clock,
    log: deps.log,
    orderFormat: deps.orderFormat,
    tierRule: deps.tierRule,
  });
  try {
    await connection.start();
  } catch (error) {
    await demo?.dispose();
    throw error;
  }
  const { commands, liveQueries } = shoplineHandlers(connection, orders);
  return {
    connection,
    orders,
    commands,
    liveQueries,
    async dispose() {
      connection.dispose();
      await demo?.dispose();
    },
  };
}
