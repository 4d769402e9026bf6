import { readFileSync } from "fs";
import { join } from "path";
import { manifestId, sideloadUrl } from "../../scripts/sideloadUrl";

const ADDIN = { port: 3000, manifestFile: "manifest.xml", manifestId: "5b0f6a0e-3c1d" };
const PARAMS =
  "wdaddindevserverport=3000&wdaddinmanifestfile=manifest.xml&wdaddinmanifestguid=5b0f6a0e-3c1d";

describe("sideloadUrl", () => {
  it("starts a query on an address without one", () => {
    expect(sideloadUrl("https://contoso.sharepoint.com/sites/stt/DTI.xlsx", ADDIN)).toBe(
      `https://contoso.sharepoint.com/sites/stt/DTI.xlsx?${PARAMS}`,
    );
  });

  it("adds to the query an address already has, keeping it as typed", () => {
    const url =
      "https://contoso.sharepoint.com/:x:/r/sites/stt/Shared%20Documents/DTI.xlsx?d=w1a%2B&web=1";
    expect(sideloadUrl(url, ADDIN)).toBe(`${url}&${PARAMS}`);
  });

  it("puts the parameters before a #fragment", () => {
    expect(sideloadUrl("https://onedrive.live.com/edit?id=1#sheet=DTI", ADDIN)).toBe(
      `https://onedrive.live.com/edit?id=1&${PARAMS}#sheet=DTI`,
    );
    expect(sideloadUrl("https://x.example/Book.xlsx#top", ADDIN)).toBe(
      `https://x.example/Book.xlsx?${PARAMS}#top`,
    );
  });

  it("replaces the parameters of an earlier sideload instead of repeating them", () => {
    const earlier = sideloadUrl("https://x.example/Book.xlsx?web=1", {
      ...ADDIN,
      port: 4000,
      manifestId: "old",
    });
    expect(sideloadUrl(earlier, ADDIN)).toBe(`https://x.example/Book.xlsx?web=1&${PARAMS}`);
  });

  it("does not leave an empty parameter after a bare ? or a trailing &", () => {
    expect(sideloadUrl("https://x.example/Book.xlsx?", ADDIN)).toBe(
      `https://x.example/Book.xlsx?${PARAMS}`,
    );
    expect(sideloadUrl("https://x.example/Book.xlsx?web=1&", ADDIN)).toBe(
      `https://x.example/Book.xlsx?web=1&${PARAMS}`,
    );
  });

  it("refuses what is not an https address, saying why", () => {
    expect(() => sideloadUrl("DTI.xlsx", ADDIN)).toThrow("is not a web address");
    expect(() => sideloadUrl("http://x.example/Book.xlsx", ADDIN)).toThrow("not an https address");
    expect(() => sideloadUrl("", ADDIN)).toThrow("is not a web address");
  });
});

describe("manifestId", () => {
  it("reads the add-in's id from the project's manifest", () => {
    const xml = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
    expect(manifestId(xml)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it("says so when there is no id", () => {
    expect(() => manifestId("<OfficeApp></OfficeApp>")).toThrow("no <Id>");
  });
});
