/**
 * The officer's proposal choices kept in the workbook's document settings, so that the pane and
 * the ribbon rank alike: which review round each score year serves, and the submitting
 * Department named on the proposal list.
 */
import { isAwardYear } from "../domain/rules";
import type { AwardYear, CellSheet, RankOptions, RoundMap } from "../domain/types";
import { decisionCells } from "./decisionsSheet";
import type { SheetInfo } from "./readWorkbook";
import { saveSettings } from "./settings";

export const PROPOSAL_SETTING = "dti-awards.proposal";

export interface ProposalSettings {
  /** Score year → round; empty when every year serves its own round. */
  readonly rounds: RoundMap;
  /** The submitting Department as written in text; absent for the plan's own. */
  readonly agency?: string;
}

/**
 * Stored settings, keeping only well-formed parts.
 *
 * @example
 * proposalSettingsFrom({ rounds: { 2024: 2025, 2031: 1 }, agency: " Sở Khoa học và Công nghệ " })
 * //=> { rounds: { 2024: 2025 }, agency: "Sở Khoa học và Công nghệ" }
 */
export function proposalSettingsFrom(stored: unknown): ProposalSettings {
  if (typeof stored !== "object" || stored === null) return { rounds: {} };
  const s = stored as Record<string, unknown>;
  const rounds: Partial<Record<AwardYear, AwardYear>> = {};
  if (typeof s.rounds === "object" && s.rounds !== null) {
    for (const [year, round] of Object.entries(s.rounds as Record<string, unknown>)) {
      const y = Number(year);
      if (isAwardYear(y) && isAwardYear(round)) rounds[y] = round;
    }
  }
  const agency = typeof s.agency === "string" ? s.agency.trim() : "";
  return { rounds, ...(agency !== "" ? { agency } : {}) };
}

export function loadProposalSettings(): ProposalSettings {
  return proposalSettingsFrom(Office.context.document.settings.get(PROPOSAL_SETTING));
}

/**
 * Keeps the review rounds and agency in the workbook. The choice is set at once (this Rank uses
 * it); a failed save rejects with `SettingsNotSavedError`, for the pane to report.
 */
export async function saveProposalSettings(settings: ProposalSettings): Promise<void> {
  Office.context.document.settings.set(PROPOSAL_SETTING, proposalSettingsFrom(settings));
  await saveSettings();
}

/**
 * What a Rank in Excel adds to the caller's options: the decisions sheet the workbook holds, and
 * the saved review rounds (unless the caller gave its own); plus the agency for the lists.
 *
 * @example
 * proposalRankOptions(infos, sheets, { decisionDate: "2025-03-20" }).options.decisions?.name
 * //=> "Quyết định của Hội đồng"
 */
export function proposalRankOptions(
  infos: readonly SheetInfo[],
  sheets: readonly CellSheet[],
  options: RankOptions,
): { readonly options: Pick<RankOptions, "decisions" | "rounds">; readonly agency?: string } {
  const saved = loadProposalSettings();
  const decisions = decisionCells(infos, sheets);
  const rounds =
    options.rounds ?? (Object.keys(saved.rounds).length > 0 ? saved.rounds : undefined);
  return {
    options: { ...(decisions ? { decisions } : {}), ...(rounds ? { rounds } : {}) },
    ...(saved.agency ? { agency: saved.agency } : {}),
  };
}
