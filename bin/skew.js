#!/usr/bin/env node
'use strict';
// When a check has to build a model it loads dist/ts-morph.js, 14 MB of JavaScript (mostly the TypeScript
// compiler); caching V8's compiled code cuts that for every later run. Node 22+ has this built in; older Node
// uses v8-compile-cache.
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
else require('v8-compile-cache');
require('../dist/cli.js').run();
