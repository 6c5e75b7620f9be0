import Resolver from '@forge/resolver';
import { requireUser, type Caller } from '../application/services/authority';
import type { ResolverKey, ResolverResult } from '../contracts/resolver-api';
import { definitions } from './resolver-definitions';
import type { ZodType } from 'zod';
import { parseInput } from './error-answers';
import { toResolverFailure } from './resolver-errors';

const resolver = new Resolver();

for (const key of Object.keys(definitions) as ResolverKey[]) {
  resolver.define(key, async ({ payload, context }): Promise<ResolverResult<unknown>> => {
    try {
      const caller = requireUser({
        accountId: context.accountId as string | undefined,
        siteUrl: context.siteUrl as string | undefined,
      });
      const definition = definitions[key] as {
        input: ZodType<unknown>;
        run: (caller: Caller, input: unknown) => Promise<unknown>;
      };
      const input = parseInput(definition.input, payload ?? {});
      return { ok: true, data: await definition.run(caller, input) };
    } catch (error) {
      return toResolverFailure(error);
    }
  });
}

export const handleResolverCall = resolver.getDefinitions();
