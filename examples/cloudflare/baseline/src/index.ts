import { WorkerEntrypoint } from 'cloudflare:workers';
export { Counter } from './counter';

export default class CounterApi extends WorkerEntrypoint {
  async hello(name: string): Promise<string> {
    return `hello ${name}`;
  }
}
