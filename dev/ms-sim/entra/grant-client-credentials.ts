import type { SimContext } from '../sim-context';
import { BOT_FRAMEWORK_RESOURCE, GRAPH_RESOURCE } from '../tokens/scopes';
import type { TokenResponseBody } from '../tokens/token-service';
import type { TenantSegment } from './app-registration';
import { EntraError, missingParameter } from './entra-error';

/**
 * `grant_type=client_credentials` for Graph or the Bot Framework. The token carries no `scp` and
 * no app roles, so Graph refuses to post messages with it (posting needs delegated permission).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
export function issueClientCredentials(
  ctx: SimContext,
  form: URLSearchParams,
  clientId: string,
  tenant: TenantSegment,
): TokenResponseBody {
  if (tenant.kind === 'multi') {
    throw new EntraError(
      400,
      'invalid_request',
      9002313,
      `Invalid request. The client credentials flow needs a tenant-specific endpoint, not '/${tenant.alias}'.`,
    );
  }
  const scope = form.get('scope');
  if (!scope) throw missingParameter('scope');
  const resource = [GRAPH_RESOURCE, BOT_FRAMEWORK_RESOURCE].find(
    (r) => scope.trim().toLowerCase() === `${r}/.default`,
  );
  if (!resource) {
    throw new EntraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  return ctx.tokens.issueForApp(clientId, resource);
}
