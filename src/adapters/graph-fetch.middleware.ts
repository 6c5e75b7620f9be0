import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The last link of the Graph client's chain: a plain `fetch` (on Forge, the platform's
 * egress-checked fetch). Replacing the library's HTTPMessageHandler keeps requests on the real
 * `https://graph.microsoft.com` URLs, so `@odata.nextLink` paging and the Authorization header
 * work unchanged wherever fetch is routed.
 */
export class GraphFetchMiddleware implements Middleware {
  async execute(context: Context): Promise<void> {
    context.response = await fetch(context.request as string | Request, context.options);
  }
}
