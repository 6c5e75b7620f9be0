/** The handlers manifest.yml names, plus the probe the tests read. */
export { handler as resolver } from './resolver';
export { onPageEvent, onCommentEvent } from './triggers';
export { consume } from './consumer';
export { web } from './web';
export { probe, resetProbe } from './probe';
