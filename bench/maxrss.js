// Preloaded into a measured child process: writes its peak resident memory (KB) and CPU time (µs, user and system)
// to OC_RSS_FILE on exit, as "maxRSS user system".
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeFileSync(process.env.OC_RSS_FILE, `${u.maxRSS} ${u.userCPUTime} ${u.systemCPUTime}`);
});
