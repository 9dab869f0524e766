// The Shopline integration's public surface for the rest of the core (main process) and the
// team server. Fakes and the demo store are imported from their own files, not from here.
export type {
  ScopeCheck,
  ShoplineConnectionReport,
  ShoplineCustomer,
  ShoplineFulfillment,
  ShoplineLineItem,
  ShoplineOrder,
  ShoplineOrderCustomer,
  ShoplinePage,
  ShoplineRateState,
  ShoplineRefund,
} from './shopline.types';
export { ShoplineError, isShoplineError, shoplineErrorKinds, toCommandError } from './shopline.error';
export type { ShoplineErrorKind } from './shopline.error';
export { createShoplineClient, defaultApiVersion } from './shopline.client';
export type { ShoplineClient, ShoplineClientOptions } from './shopline.client';
export { ShoplineLookupService } from './shopline.lookup';
export type { LookupOptions, ShoplineLookupOptions, ShoplineOrderDetails } from './shopline.lookup';
export { detectOrderNumbers } from './order-number.detect';
export type { OrderNumberFormat, OrderNumberMention } from './order-number.detect';
export {
  normalizeWebhookTopic,
  parseShoplineWebhookHeaders,
  readShoplineWebhook,
  shoplineWebhookTopics,
  signShoplineWebhook,
  verifyShoplineWebhookSignature,
} from './shopline.webhook';
export type { RawBody, ShoplineWebhookMeta, ShoplineWebhookResult, ShoplineWebhookTopic } from './shopline.webhook';
// For webhook payloads: `WireOrder.safeParse(payload)` then `toOrder(parsed.data)`.
export { WireCustomer, WireOrder } from './shopline.wire';
export { toCustomer, toOrder } from './shopline.mapper';
