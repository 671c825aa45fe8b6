// Preloaded into each child the hostile-input test runs: at exit, writes its peak resident memory (KB) and CPU
// time (µs) to OC_USAGE_FILE, so the budget is checked on the process's own work, whatever else runs on the machine.
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeFileSync(
    process.env.OC_USAGE_FILE,
    JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime }),
  );
});
