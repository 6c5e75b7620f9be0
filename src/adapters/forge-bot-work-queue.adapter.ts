import { Queue } from '@forge/events';
import type { BotWorkQueue } from '../application/ports/bot-messenger';
import type { BotJob } from '../domain/bot-job';
import { DELIVERY_QUEUE_KEY } from './forge-delivery-queue.adapter';
import { hashKeyPart } from './kvs-keys';

const queue = new Queue({ key: DELIVERY_QUEUE_KEY });

/** Who a job is for, so one person's jobs run one at a time and in order. */
const personOf = (job: BotJob): string => ('microsoftUser' in job ? job.microsoftUser : job.accountId);

/**
 * Bot jobs ride the delivery queue (its consumer tells them apart), one at a time per person:
 * Teams allows a bot about 7 messages a second in one conversation.
 */
export const forgeBotWorkQueue: BotWorkQueue = {
  enqueue: async (job) => {
    await queue.push({
      body: { botJob: job },
      concurrency: { key: `bot:${hashKeyPart(personOf(job))}`, limit: 1 },
    });
  },
};
