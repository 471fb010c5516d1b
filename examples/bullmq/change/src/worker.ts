import { Worker, type Job } from 'bullmq';
import type { ResizeJob, ResizeResult } from './jobs';

export const resizer = new Worker<ResizeJob, ResizeResult>('images', async (job) => ({ key: job.data.url }));

export const mailer = new Worker('mail', async (job: Job<{ to: string; url: string }>) => ({ messageId: job.data.to }));
