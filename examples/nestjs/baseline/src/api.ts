import type { ClientProxy } from '@nestjs/microservices';

export class MathApi {
  constructor(private readonly client: ClientProxy) {}

  total(numbers: number[]) {
    return this.client.send({ cmd: 'sum' }, { numbers });
  }

  audit(line: string) {
    return this.client.emit('audit.line', { line, at: Date.now() });
  }
}
