/**
 * What the browser tests take from a manifest: the requirement sets it declares (the host the
 * add-in may meet at the least) and the ribbon's `<FunctionName>`s. Node only (reads files).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Fixture } from "./fixture";

export const MANIFEST = join(__dirname, "..", "..", "manifest.xml");

/**
 * The `<Set Name MinVersion>` entries of the manifest's `<Requirements>`.
 *
 * @example
 * declaredSets('<Requirements><Sets><Set Name="ExcelApi" MinVersion="1.7"/></Sets></Requirements>')
 * //=> [["ExcelApi", "1.7"]]
 */
export function declaredSets(manifest: string): [string, string][] {
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(manifest)?.[1] ?? "";
  return [...requirements.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"\s*\/>/g)].map(
    (m) => [m[1], m[2]],
  );
}

/**
 * The ribbon actions a manifest runs.
 *
 * @example
 * functionNames("<Action><FunctionName>DtiAwards.Rank</FunctionName></Action>") //=> ["DtiAwards.Rank"]
 */
export function functionNames(manifest: string): string[] {
  return [...manifest.matchAll(/<FunctionName>\s*([^<]*?)\s*<\/FunctionName>/g)].map((m) => m[1]);
}

/** The fixture on a host that offers exactly the sets the manifest declares (no more). */
export function onDeclaredHost(
  fixture: Fixture,
  manifest = readFileSync(MANIFEST, "utf8"),
): Fixture {
  return { ...fixture, offeredSets: declaredSets(manifest) };
}
