/**
 * The ribbon's "Xếp hạng / Rank" button: runs Rank without the task pane. The written sheet is
 * the feedback; a failure is handed to the pane (same shared runtime) and the button is always
 * released with event.completed().
 */
import { domainEngine } from "../excel/engine";
import { isoToday, loadMapping, optionsWithMapping } from "../excel/mapping";
import { rankInExcel } from "../excel/rankInExcel";
import { langFromDisplayLanguage } from "../taskpane/i18n";
import { RIBBON_RUN_EVENT, type RibbonRun } from "./ribbonRun";

export async function rankFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  let run: RibbonRun;
  try {
    const lang = langFromDisplayLanguage(Office.context.displayLanguage);
    const options = optionsWithMapping({ decisionDate: isoToday() }, loadMapping());
    run = { outcome: await rankInExcel({ options, lang }, domainEngine) };
  } catch (error) {
    run = { error: error instanceof Error ? error.message : String(error) };
  }
  if (typeof window !== "undefined") {
    (window as unknown as { dtiAwardsLastRibbonRun?: RibbonRun }).dtiAwardsLastRibbonRun = run;
    window.dispatchEvent(new CustomEvent(RIBBON_RUN_EVENT, { detail: run }));
  }
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate("rank", rankFromRibbon);
});
