// Shopline failures said plainly, for the order panel, Settings and the bridge's typed errors.
// Pure; main process.
import { CommandError } from '../../../src-preload/contract';
import type { ShoplineProblemKind } from '../../../src-preload/contract/shopline.contract';
import { isShoplineError, shoplineErrorCodes, type ShoplineErrorKind } from '../shopline/shopline.error';

// The contract repeats the client's error kinds (it cannot import the core): keep them equal.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: Same<ShoplineErrorKind, ShoplineProblemKind> = true;
void kindsAgree;

export const rejectedTokenText = 'Shopline rejected the token: reconnect in Settings.';
export const notConnectedText = 'Shopline is not connected: connect a store in Settings.';

/** One sentence a support agent can act on; Shopline's own words follow where they help. */
export function problemText(kind: ShoplineProblemKind, detail: string): string {
  switch (kind) {
    case 'unauthorized':
      return rejectedTokenText;
    case 'forbidden':
      return `The Shopline token is missing a permission Topicdesk needs (read_orders and read_customers): ${detail}`;
    case 'store_frozen':
      return 'The Shopline store is frozen (its plan is unpaid): the store owner must unfreeze it.';
    case 'rate_limited':
      return 'Shopline is limiting how fast we ask and we gave up waiting: try again in a minute.';
    case 'malformed':
      return `Shopline sent an answer Topicdesk cannot read, so nothing is shown (${detail}).`;
    case 'network':
      return `Cannot reach Shopline: ${detail}`;
    case 'server':
      return `Shopline had an internal error: ${detail}`;
    case 'not_found':
      return `Shopline does not have that: ${detail}`;
    case 'bad_request':
      return `Shopline refused the request: ${detail}`;
  }
}


/** Problems that stay until a person acts (reconnect, unfreeze): shown in Settings and the panel. */
export const isLastingProblem = (kind: ShoplineProblemKind): boolean =>
  kind === 'unauthorized' || kind === 'forbidden' || kind === 'store_frozen';

/** A typed bridge error for a Shopline problem, with `message` as the text the person sees. */
export function shoplineCommandError(kind: ShoplineProblemKind, message: string): CommandError {
  return new CommandError(shoplineErrorCodes[kind], message);
}

/** How a lookup failure crosses the bridge; anything that is not a ShoplineError passes unchanged. */
export function toBridgeFailure(error: unknown): unknown {
  if (!isShoplineError(error)) return error;
  return shoplineCommandError(error.kind, problemText(error.kind, error.message));
}
