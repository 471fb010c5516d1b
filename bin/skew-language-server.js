#!/usr/bin/env node
'use strict';
// Same start-up cache as bin/skew.js: the server bundle carries the TypeScript compiler.
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
else require('v8-compile-cache');
require('../dist/server.js');
