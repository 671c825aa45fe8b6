// Compiles the benchmark (TypeScript) to build/bench and runs it. Usage: npm run bench [-- --quick]
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const root = path.resolve(__dirname, '..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.bench.json')], {
  stdio: 'inherit',
  cwd: root,
});
require(path.join(root, 'build', 'bench', 'bench', 'bench.js'));
