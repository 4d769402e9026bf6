import { X509Certificate } from "crypto";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  CA_NAME,
  certificateFiles,
  nssTrust,
  renewalReason,
  trustAdvice,
  userCertificates,
} from "../../scripts/devCerts";

// The configuration webpack-dev-server reads: a CommonJS file, loaded the way webpack loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as (
  env: Record<string, string>,
  argv: Record<string, string>,
) => Promise<{ devServer: { host: string; server: unknown } }>;

let home: string;
let made: Awaited<ReturnType<typeof userCertificates>>;
const logged: string[] = [];

beforeAll(async () => {
  // office-addin-dev-certs announces its work on the console.
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  home = mkdtempSync(join(tmpdir(), "dti-home-"));
  made = await userCertificates({ home, log: (line) => logged.push(line) });
}, 60_000);

afterAll(() => jest.restoreAllMocks());

describe("userCertificates", () => {
  it("makes a CA and a localhost certificate in the user's home, signed by that CA", () => {
    expect(logged[0]).toContain(
      `Making development certificates in ${join(home, ".office-addin-dev-certs")}`,
    );
    const ca = new X509Certificate(made.ca);
    const leaf = new X509Certificate(made.cert);
    expect(made.caPath).toBe(join(home, ".office-addin-dev-certs", "ca.crt"));
    expect(ca.subject).toContain(CA_NAME);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toContain("DNS:localhost");
    expect(leaf.subjectAltName).toContain("IP Address:127.0.0.1");
  });

  it("keeps good certificates instead of making new ones", async () => {
    const again = await userCertificates({ home, log: (line) => logged.push(`again: ${line}`) });
    expect(again.ca.equals(made.ca)).toBe(true);
    expect(logged.filter((line) => line.startsWith("again:"))).toEqual([]);
  });
});

describe("renewalReason", () => {
  it("asks for certificates where there are none", () => {
    expect(renewalReason(certificateFiles(join(home, "nobody")), new Date())).toBe(
      "there are none yet",
    );
  });

  it("is satisfied for a year, then asks for new ones before they expire", () => {
    const files = certificateFiles(home);
    expect(renewalReason(files, new Date())).toBeNull();
    const later = new Date(Date.now() + 365 * 24 * 3600 * 1000);
    expect(renewalReason(files, later)).toMatch(/expires within a day$/);
  });
});

describe("nssTrust", () => {
  const pem = () => readFileSync(made.caPath, "utf8");
  /** A certutil whose store holds another CA, and ours with these flags as `exported`. */
  const certutil =
    (flags: string, exported: string) =>
    (args: string[]): { status: number; stdout: string } => {
      const nickname = args.includes("-n") ? args[args.indexOf("-n") + 1] : null;
      if (nickname === CA_NAME) return { status: 0, stdout: exported };
      if (nickname !== null) return { status: 0, stdout: made.cert.toString("utf8") };
      return {
        status: 0,
        stdout: `\nCertificate Nickname    Trust Attributes\n\nSome other CA    CT,C,C\n${CA_NAME}    ${flags}\n`,
      };
    };

  it("says trusted when the browser's store trusts this CA for websites", () => {
    expect(nssTrust(home, pem(), certutil("C,,", pem()))).toBe("trusted");
  });

  it("says absent when the CA is there without trust for websites, or is another one", () => {
    expect(nssTrust(home, pem(), certutil(",,", pem()))).toBe("absent");
    // A certificate under our CA's nickname that is not our CA.
    expect(nssTrust(home, pem(), certutil("C,,", made.cert.toString("utf8")))).toBe("absent");
  });

  it("says unknown without certutil or a database", () => {
    expect(nssTrust(home, pem(), () => ({ status: null as unknown as number, stdout: "" }))).toBe(
      "unknown",
    );
  });
});

describe("trustAdvice", () => {
  it("gives the command that trusts the CA for Chrome/Chromium without sudo", () => {
    const lines = trustAdvice("/home/lan/.office-addin-dev-certs/ca.crt", "absent");
    expect(lines[0]).toContain("is not trusted by Chrome/Chromium yet");
    expect(lines.join("\n")).toContain(
      `certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "${CA_NAME}" -i /home/lan/.office-addin-dev-certs/ca.crt`,
    );
    expect(lines.join("\n")).not.toContain("sudo ");
  });
});

describe("the development server's settings", () => {
  it("listen on localhost only, and need no certificates for a build", async () => {
    const config = await webpackConfig({}, { mode: "development" });
    expect(config.devServer.host).toBe("localhost");
    expect(config.devServer.server).toBe("http");
  });
});
