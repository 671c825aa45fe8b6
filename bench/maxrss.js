// Preloaded into a measured child process: writes its peak resident memory (KB) to OC_RSS_FILE on exit.
'use strict';
process.on('exit', () => {
  require('fs').writeFileSync(process.env.OC_RSS_FILE, String(process.resourceUsage().maxRSS));
});
