import { z } from 'zod';
import { backgroundDeps } from '../composition-root';

/** A space key as Confluence makes them (letters and digits, `~` and an account id for personal spaces). */
const partitionSchema = z.union([z.literal('global'), z.string().regex(/^space:[A-Za-z0-9~_-]{1,255}$/)]);
const routeBuildEventSchema = z.object({ body: z.object({ partition: partitionSchema }).strict() });

/**
 * Builds the routes of one partition of rules stored before routes existed. A failure throws,
 * so the platform retries; a malformed message is logged and dropped (it can never succeed, and
 * the trigger asks again while the partition is unbuilt).
 */
export const handleRouteBuild = async (event: unknown): Promise<void> => {
  const parsed = routeBuildEventSchema.safeParse(event);
  if (!parsed.success) {
    console.error(`Route build message rejected: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return;
  }
  const { partition } = parsed.data.body;
  const done = await backgroundDeps.rules.buildRoutes(partition as 'global' | `space:${string}`);
  console.log(
    `Routes of ${partition}: ${done.built} rules built, ${done.changedMeanwhile} changed meanwhile`,
  );
};
