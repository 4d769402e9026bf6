import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkSupportUrl, supportUrlProblem } from "../../scripts/checkManifest";

const ROOT = join(__dirname, "..", "..");
const manifest = (url: string) => `<OfficeApp><SupportUrl DefaultValue="${url}"/></OfficeApp>`;

describe("supportUrlProblem", () => {
  it("finds the placeholder the repository ships", () => {
    expect(supportUrlProblem(readFileSync(join(ROOT, "manifest.xml"), "utf8"))).toBe(
      "SupportUrl is still the placeholder https://example.invalid/support",
    );
  });

  it.each([
    "https://example.com/help",
    "https://www.example.org/help",
    "https://support.contoso.com/",
    "https://localhost:3000/help",
    "https://127.0.0.1/help",
  ])("takes %s for a placeholder", (url) => {
    expect(supportUrlProblem(manifest(url))).toBe(`SupportUrl is still the placeholder ${url}`);
  });

  it("accepts a real https page", () => {
    expect(supportUrlProblem(manifest("https://stttt.cantho.gov.vn/lien-he"))).toBeNull();
  });

  it("refuses a page that is not https, not an address, or missing", () => {
    expect(supportUrlProblem(manifest("http://stttt.cantho.gov.vn/"))).toContain("not an https");
    expect(supportUrlProblem(manifest("liên hệ Sở"))).toContain("is not a web address");
    expect(supportUrlProblem("<OfficeApp/>")).toContain("has no <SupportUrl");
  });
});

describe("checkSupportUrl", () => {
  const file = (url: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "dti-manifest-")), "manifest.xml");
    writeFileSync(path, manifest(url));
    return path;
  };

  it("stops a build for a real host while the support link is a placeholder", () => {
    expect(() =>
      checkSupportUrl(file("https://example.invalid/support"), "https://awards.cantho.gov.vn/"),
    ).toThrow(
      "Build for https://awards.cantho.gov.vn/ stopped: SupportUrl is still the placeholder",
    );
  });

  it("warns loudly, without stopping, on a build for localhost", () => {
    const warnings: string[] = [];
    checkSupportUrl(file("https://example.invalid/support"), undefined, (t) => warnings.push(t));
    expect(warnings.join("")).toMatch(/!{78}\nWARNING: SupportUrl is still the placeholder/);
    expect(warnings.join("")).toContain("This build is not fit to deploy.");
  });

  it("says nothing when the support link is real", () => {
    const warnings: string[] = [];
    const real = file("https://stttt.cantho.gov.vn/lien-he");
    expect(() =>
      checkSupportUrl(real, "https://awards.cantho.gov.vn/", (t) => warnings.push(t)),
    ).not.toThrow();
    checkSupportUrl(real, undefined, (t) => warnings.push(t));
    expect(warnings).toEqual([]);
  });
});

describe("the production build", () => {
  it("refuses to configure a build for a real host with the shipped placeholder", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require("../../webpack.config.js") as (
      env: Record<string, string>,
      argv: Record<string, string>,
    ) => Promise<unknown>;
    await expect(
      config({ urlProd: "https://awards.cantho.gov.vn/dti/" }, { mode: "production" }),
    ).rejects.toThrow("SupportUrl is still the placeholder https://example.invalid/support");
  });
});
