// The contract's `shopline.*` commands and live query, mapped to the connection and the orders
// service. Typed from shopline.contract.ts alone, so startCore spreads them into its handler map.
// Main process.
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import type { shoplineCommands, shoplineLiveQueries } from '../../../src-preload/contract/shopline.contract';
import type { OrdersService } from './orders.service';
import type { ShoplineConnection } from './shopline.connection';

type Commands = typeof shoplineCommands;
type LiveQueries = typeof shoplineLiveQueries;

export type ShoplineCommandHandlers = {
  [N in keyof Commands]: (params: z.output<Commands[N]['params']>) => Promise<z.output<Commands[N]['result']>>;
};
export type ShoplineLiveQueryHandlers = {
  [N in keyof LiveQueries]: (params: z.output<LiveQueries[N]['params']>) => Observable<z.output<LiveQueries[N]['result']>>;
};

export function shoplineHandlers(
  connection: ShoplineConnection,
  orders: OrdersService,
): { commands: ShoplineCommandHandlers; liveQueries: ShoplineLiveQueryHandlers } {
  return {
    commands: {
      'shopline.connect': (credentials) => connection.connect(credentials),
      'shopline.disconnect': () => connection.disconnect(),
      'shopline.test': ({ candidate }) => connection.test(candidate),
      'shopline.setOptions': (options) => connection.setOptions(options),
      'shopline.ticketOrders': (params) => orders.ticketOrders(params),
      'shopline.linkOrder': (params) => orders.linkOrder(params),
      'shopline.unlinkOrder': (params) => orders.unlinkOrder(params),
      'shopline.customerOrders': (params) => orders.customerOrders(params),
      'shopline.findOrders': (params) => orders.findOrders(params),
    },
    liveQueries: {
      'shopline.status': () => connection.status$,
    },
  };
}
