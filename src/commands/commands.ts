/**
 * The ribbon's "Xếp hạng / Rank" button: runs Rank without the task pane. The written sheet is
 * the feedback; a failure is handed to the pane (same shared runtime) and the button is always
 * released with event.completed().
 */
import { domainEngine } from "../excel/engine";
import { failureOf } from "../excel/failures";
import { isoToday, loadDecisionDate, loadMapping, optionsWithMapping } from "../excel/mapping";
import { rankInExcel } from "../excel/rankInExcel";
import { langFromDisplayLanguage } from "../taskpane/i18n";
import { RIBBON_ACTIONS, RIBBON_RUN_EVENT, type RibbonRun } from "./ribbonRun";

export async function rankFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  let run: RibbonRun;
  try {
    const lang = langFromDisplayLanguage(Office.context.displayLanguage);
    // The date last chosen in the pane, else today: both buttons price the awards alike, and the
    // candidate sheet states the date it used.
    const decisionDate = loadDecisionDate() ?? isoToday();
    const options = optionsWithMapping({ decisionDate }, loadMapping());
    run = { outcome: await rankInExcel({ options, lang }, domainEngine) };
  } catch (error) {
    run = { failure: failureOf(error) };
  }
  if (typeof window !== "undefined") {
    window.dispatchEvent(new CustomEvent(RIBBON_RUN_EVENT, { detail: run }));
  }
  // Nothing written means nothing to see in the workbook: open the pane (same shared runtime),
  // which has just rendered the message saying why and what to do.
  if (needsThePane(run)) await showPane();
  event.completed();
}

/** True when the ribbon's run wrote nothing, or wrote but could not save its settings. */
export function needsThePane(run: RibbonRun): boolean {
  return (
    "failure" in run ||
    run.outcome.kind === "nothing" ||
    (run.outcome.kind === "written" && run.outcome.settingsNotSaved !== null)
  );
}

async function showPane(): Promise<void> {
  try {
    // SharedRuntime 1.1, which the manifest requires.
    await Office.addin.showAsTaskpane();
  } catch {
    // The message stays in the pane for the next time it is opened.
  }
}

// Associated as soon as the page loads (not after Office.onReady): a click on the ribbon is
// dispatched by Office.js through this table, and a page where Office.js did not load has no
// ribbon to click.
if (typeof Office !== "undefined") Office.actions.associate(RIBBON_ACTIONS.rank, rankFromRibbon);
