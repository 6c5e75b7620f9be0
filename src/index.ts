/** Forge entry points, under the handler names manifest.yml uses. Re-exports only. */

// Custom UI resolver (all four settings surfaces)
export { handleResolverCall as resolver } from './handlers/resolver.handler';

// Product event trigger
export { handleContentEvent as onContentEvent } from './handlers/content-event.trigger';

// Queue consumer
export { handleDelivery as deliver } from './handlers/delivery.consumer';
export { handleRouteBuild as buildRuleRoutes } from './handlers/rule-routes.consumer';

// Web triggers
export { handleOAuthCallback as oauthCallback } from './handlers/oauth-callback.webtrigger';
export { handleBotActivity as botActivity } from './handlers/bot-messages.webtrigger';

// Scheduled trigger
export { handlePersonalDigests as personalDigests } from './handlers/personal-digests.scheduled';
export { handleCredentialExpiry as credentialExpiry } from './handlers/credential-expiry.scheduled';
