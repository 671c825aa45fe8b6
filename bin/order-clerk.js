#!/usr/bin/env node
// The order-clerk command line. The TypeScript in src/cli is compiled to lib/ by `npm install` (prepare).
'use strict';
let main;
try {
  ({ main } = require('../lib/cli/main.js'));
} catch {
  process.stderr.write(
    'order-clerk: not built yet: run `npm install` (or `npm run build:cli`) in the checkout first.\n',
  );
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  () => {
    process.stderr.write('order-clerk: unexpected failure; please report it with the file that caused it.\n');
    process.exit(2);
  },
);
