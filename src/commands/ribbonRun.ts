/** How a Rank started from the ribbon reaches the task pane (one window in the shared runtime). */
import type { RankOutcome } from "../excel/rankInExcel";

export const RIBBON_RUN_EVENT = "dti-awards:ribbon-run";

export type RibbonRun = { readonly outcome: RankOutcome } | { readonly error: string };
