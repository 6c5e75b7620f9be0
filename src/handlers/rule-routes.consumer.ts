import { backgroundDeps } from '../composition-root';
import { routeBuildEventSchema } from './rule-routes-message';

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
  const done = await backgroundDeps.rules.buildRoutes(partition);
  console.log(
    `Routes of ${partition}: ${done.built} rules built, ${done.changedMeanwhile} changed meanwhile`,
  );
};
