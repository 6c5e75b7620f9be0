import type { PendingMessage } from './pending-message';

interface JobCounts {
  total: number;
  success: number;
  failed: number;
  cancelled: number;
}

/** Per-job progress for `JobProgress.getStats()` (success / inProgress / failed). */
export class JobTracker {
  private readonly jobs = new Map<string, JobCounts>();

  register(jobId: string, events: number): void {
    const job = this.jobs.get(jobId) ?? { total: 0, success: 0, failed: 0, cancelled: 0 };
    job.total += events;
    this.jobs.set(jobId, job);
  }

  settled(message: PendingMessage, status: 'success' | 'failed'): void {
    const job = message.jobId ? this.jobs.get(message.jobId) : undefined;
    if (job) job[status] += 1;
  }

  cancelled(jobId: string, events: number): void {
    const job = this.jobs.get(jobId);
    if (job) job.cancelled += events;
  }

  stats(jobId: string): { success: number; inProgress: number; failed: number } | undefined {
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    const inProgress = Math.max(0, job.total - job.success - job.failed - job.cancelled);
    return { success: job.success, inProgress, failed: job.failed };
  }
}
