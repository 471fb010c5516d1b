import { DurableObject } from 'cloudflare:workers';

export interface Snapshot {
  value: number;
  updatedAt: Date;
}

export class Counter extends DurableObject {
  private value = 0;

  async increment(by: number, reason?: string): Promise<Snapshot> {
    this.value += by;
    return { value: this.value, updatedAt: new Date() };
  }

  async read(): Promise<Snapshot> {
    return { value: this.value, updatedAt: new Date() };
  }

  async reset(): Promise<void> {
    this.value = 0;
  }
}
