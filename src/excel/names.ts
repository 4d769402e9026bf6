/** Text that Excel must keep as text when the add-in writes it. */

/**
 * A value as it must be written to `range.values`: text that Excel would turn into a formula
 * (=, +, -, @) or into a number or date (a leading digit) gets the apostrophe prefix, which Excel
 * hides and which keeps the text as typed.
 *
 * @example
 * asCellInput("=HYPERLINK(\"x\")") //=> "'=HYPERLINK(\"x\")"
 * asCellInput("Sở Tư pháp") //=> "Sở Tư pháp"
 * asCellInput(94.25) //=> 94.25
 */
export function asCellInput(value: string | number | null): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  return /^[=+\-@\d.,]/.test(value) || value.startsWith("'") ? `'${value}` : value;
}
