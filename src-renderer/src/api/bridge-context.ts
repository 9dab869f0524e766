// Hands the bridge to components and offers the two ways they use it: live queries and
// commands. Only this folder talks to the bridge.
import { createContext, useContext, useEffect, useState } from 'react';
import type {
  Bridge,
  BridgeError,
  CommandName,
  CommandParams,
  CommandResult,
  LiveQueryName,
  LiveQueryParams,
  LiveQueryResult,
  Result,
} from '../../../src-preload/contract';

export const BridgeContext = createContext<Bridge | null>(null);

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside <BridgeContext.Provider>');
  return bridge;
}

export interface LiveValue<T> {
  value: T | undefined;
  error: BridgeError | null;
}

/** Subscribes while mounted; re-subscribes when the params change (compared as JSON). */
export function useLiveQuery<N extends LiveQueryName>(name: N, params: LiveQueryParams<N> | null): LiveValue<LiveQueryResult<N>> {
  const bridge = useBridge();
  const key = params === null ? null : JSON.stringify(params);
  const [state, setState] = useState<LiveValue<LiveQueryResult<N>> & { key: string | null }>({ value: undefined, error: null, key });
  useEffect(() => {
    if (key === null) return;
    const unsubscribe = bridge.subscribe(
      name,
      JSON.parse(key) as LiveQueryParams<N>,
      (value) => setState({ value, error: null, key }),
      (error) => setState((s) => ({ ...s, error })),
    );
    return unsubscribe;
  }, [bridge, name, key]);
  // A value for other params is stale: show nothing rather than the wrong ticket.
  return state.key === key ? state : { value: undefined, error: null };
}

export function useCommand() {
  const bridge = useBridge();
  return <N extends CommandName>(name: N, params: CommandParams<N>): Promise<Result<CommandResult<N>>> => bridge.invoke(name, params);
}
