/**
 * Saving the add-in's document settings. `settings.set` changes only the copy in memory; the
 * workbook keeps it once `saveAsync` reports success. A failed save is an error the officer is
 * told about, never lost in an ignored callback.
 */
import { SettingsNotSavedError } from "./failures";

/**
 * Saves the document settings; rejects with `SettingsNotSavedError` (carrying Office's error code)
 * when Office reports a failure.
 */
export function saveSettings(): Promise<void> {
  const settings = Office.context.document.settings;
  return new Promise<void>((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(new SettingsNotSavedError(result.error?.code ?? null));
      } else {
        resolve();
      }
    });
  });
}
