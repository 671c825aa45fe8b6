// Compiles the benchmark (TypeScript) to build/bench and runs it. Usage: npm run bench [-- --quick]
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
// A fresh output folder: a module moved to a folder of its own must not be shadowed by its old compiled file.
fs.rmSync(path.join(root, 'build', 'bench'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.bench.json')], {
  stdio: 'inherit',
  cwd: root,
});
require(path.join(root, 'build', 'bench', 'bench', 'bench.js'));
