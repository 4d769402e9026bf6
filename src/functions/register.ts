/**
 * The custom functions join the task-pane page only where Excel's custom-functions runtime is.
 * custom-functions-metadata-plugin appends `CustomFunctions.associate(id, fn)` to functions.ts;
 * on a page where Office.js did not load (a blocking proxy) that would throw while the pane is
 * saying why it cannot work. Required, not imported: the associations must run as the page loads.
 */
if ((globalThis as { CustomFunctions?: unknown }).CustomFunctions !== undefined) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./functions");
}
