import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { adapters } from '../../../server/src/adapters';
import { ADAPTER_NAMES, ADAPTER_PACKAGES } from '../../../server/src/adapters/names';
import { folderHasContracts } from '../../../server/src/project/has-contracts';

describe('the adapter registry', () => {
  it('lists every named adapter once, and each turns on by exactly the packages the language server looks for', () => {
    assert.deepEqual(adapters.map((a) => a.name).sort(), [...ADAPTER_NAMES].sort());
    for (const a of adapters) assert.deepEqual([...a.packages].sort(), [...ADAPTER_PACKAGES[a.name]].sort(), a.name);
  });

  it('a folder whose package.json depends on an adapter library has contracts for the editor, one without does not', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-has-contracts-'));
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src/events.ts'), "import type { Server } from 'socket.io';\nexport type S = Server;\n");
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ dependencies: { express: '^5' } }));
      assert.equal(folderHasContracts(dir), false);
      for (const pkg of ['socket.io', 'bullmq', '@temporalio/client', '@nestjs/microservices']) {
        fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ dependencies: { [pkg]: '*' } }));
        assert.equal(folderHasContracts(dir), true, pkg);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
