/** Brings one of the add-in's sheets to the front (the pane's "open the data-check sheet" link). */

/**
 * Activates the sheet of that name; resolves to false when the workbook no longer has it (it was
 * renamed or deleted since the Rank that wrote it).
 */
export async function activateSheet(name: string): Promise<boolean> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    await context.sync();
    if (sheet.isNullObject) return false;
    sheet.activate();
    await context.sync();
    return true;
  });
}
