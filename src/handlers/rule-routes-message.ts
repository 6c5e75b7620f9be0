import { z } from 'zod';
import type { RoutePartition } from '../domain/rule-routes';

/** A space key as Confluence makes them (letters and digits; `~` and an account id for personal spaces). */
const partitionSchema = z.union([
  z.literal('global'),
  z
    .string()
    .regex(/^space:[A-Za-z0-9~_-]{1,255}$/)
    .transform((value) => value as `space:${string}`),
]) satisfies z.ZodType<RoutePartition, unknown>;

/** A `rule-routes` queue event: one partition to build, and nothing else. */
export const routeBuildEventSchema = z.object({ body: z.object({ partition: partitionSchema }).strict() });
