import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';

export class SumDto {
  numbers!: number[];
  label?: string;
}

@Controller()
export class MathController {
  @MessagePattern({ cmd: 'sum' })
  sum(@Payload() data: SumDto): { total: number; label: string } {
    return { total: data.numbers.reduce((a, b) => a + b, 0), label: data.label ?? '' };
  }

  @EventPattern('math.reset')
  reset(@Payload() data: { reason: string }): void {
    void data;
  }
}
