// Preloaded into the Azurite process (`node --require`) by AzuriteServer. It ends Azurite once the test process that
// started it is gone, so a test run that is killed (and cannot stop Azurite itself) never leaves a server behind.
// Being a preload, it runs inside the server process: the PID the tests hold is still the server's.
'use strict';

const parent = Number(process.env.TRIBUTARY_AZURITE_PARENT_PID);
if (Number.isInteger(parent) && parent > 0) {
  setInterval(() => {
    try {
      process.kill(parent, 0); // signal 0: only checks that the process exists
    } catch (error) {
      if (error.code === 'ESRCH') {
        process.exit(0);
      }
    }
  }, 1000).unref();
}
