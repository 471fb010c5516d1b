import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';

export class SumDto {
  numbers!: number[];
  label: string;
}

@Controller()
export class MathController {
  @MessagePattern({ cmd: 'sum' })
  sum(@Payload() data: SumDto): { total: number } {
    return { total: data.numbers.reduce((a, b) => a + b, 0) };
  }

  @EventPattern('math.cleared')
  reset(@Payload() data: { reason: string }): void {
    void data;
  }
}
