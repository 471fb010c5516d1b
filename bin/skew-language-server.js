#!/usr/bin/env node
'use strict';
// Same start-up cache as bin/skew.js: the server loads the TypeScript compiler (dist/ts-morph.js) at start.
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
else require('v8-compile-cache');
require('../dist/server.js');
