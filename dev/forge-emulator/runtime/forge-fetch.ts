import type { ProductDescriptor } from '../product/product-request';
import { activeCore } from './active-cores';
import { routeForgeFetch } from './forge-fetch-router';
import { currentInvocation } from './invocation-context';

/** The `__forge_fetch__` implementation: refuses calls from timed-out invocations, then routes. */
export async function forgeFetchWithCore(
  descriptor: ProductDescriptor,
  path: string,
  init?: RequestInit,
): Promise<Response> {
  const invocation = currentInvocation();
  const core = activeCore();
  if (!core) throw new Error('No Forge emulator is running');
  if (invocation?.timedOut) {
    // After a timeout Forge has frozen the function; code still running here must not change state.
    throw new Error(`Invocation ${invocation.invocationId} of '${invocation.functionKey}' has timed out`);
  }
  return routeForgeFetch(core, invocation, descriptor, path, init);
}
