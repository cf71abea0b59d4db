/**
 * Loaded with `node -r` into the compiled API by `BENCH_STUB_RENDER=1 npm run bench:ceiling`, never
 * in Trygg itself: every journal document is the first one the API rendered, so an opening still
 * journals a real document of the usual size but costs no render. What that run measures is the rest
 * of an opening, the bound a cheaper render could approach.
 */
const path = require('node:path');

// The module the API loads later is this same file, so it gets the patched class.
const { ThreadedJournalRenderer } = require(path.resolve(__dirname, '../../dist/libs/archive/src/threaded-journal.renderer.js'));
const render = ThreadedJournalRenderer.prototype.render;
let first;
ThreadedJournalRenderer.prototype.render = function (doc) {
  first ??= render.call(this, doc);
  return first;
};
