import { Queue } from 'bullmq';
import type { ResizeJob, ResizeResult } from './jobs';

const images = new Queue<ResizeJob, ResizeResult, 'resize' | 'thumb'>('images');
const mail = new Queue('mail');

export async function upload(url: string) {
  // Delayed: this job may be picked up by a worker deployed after this version.
  await images.add('resize', { url, width: 800, format: 'webp' }, { delay: 60_000 });
  await mail.add('uploaded', { to: 'owner@example.com', url });
}
