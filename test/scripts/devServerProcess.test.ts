import { spawn } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { createServer, type Server } from "https";
import { tmpdir } from "os";
import { join } from "path";
import { userCertificates } from "../../scripts/devCerts";
import {
  clearState,
  isAlive,
  readState,
  startDetached,
  statePath,
  stopProcessTree,
  waitForServer,
  writeState,
} from "../../scripts/devServerProcess";

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe("the recorded development server", () => {
  it("is written, read back and cleared", () => {
    const project = temp("dti-project-");
    const state = { pid: 4242, port: 3000, log: "/tmp/x.log", startedAt: "2025-03-15T00:00:00Z" };
    expect(readState(project)).toBeNull();
    writeState(project, state);
    expect(readState(project)).toEqual(state);
    clearState(project);
    expect(readState(project)).toBeNull();
  });

  it("is taken as absent when the file is not a record", () => {
    const project = temp("dti-project-");
    writeState(project, { pid: 1, port: 3000, log: "", startedAt: "" });
    writeFileSync(statePath(project), "not json");
    expect(readState(project)).toBeNull();
  });
});

describe("stopProcessTree", () => {
  it("ends a detached process and the process it started", async () => {
    const dir = temp("dti-stop-");
    const log = join(dir, "log");
    // A parent that starts a child and prints its id, as npm starting webpack would.
    const script =
      "const c=require('child_process').spawn(process.execPath,['-e','setInterval(()=>{},1000)'],{stdio:'ignore'});" +
      "console.log(c.pid);setInterval(()=>{},1000);";
    const parent = startDetached(process.execPath, ["-e", script], { cwd: dir, log });
    const pid = parent.pid as number;
    let childPid = 0;
    for (let i = 0; i < 100 && !childPid; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      childPid = Number(readFileSync(log, "utf8").trim()) || 0;
    }
    expect(isAlive(pid)).toBe(true);
    expect(isAlive(childPid)).toBe(true);
    expect(await stopProcessTree(pid, 2000)).toBe(true);
    for (let i = 0; i < 40 && isAlive(childPid); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(isAlive(childPid)).toBe(false);
  });

  it("says a process that is already gone is gone", async () => {
    const child = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => child.on("exit", resolve));
    expect(await stopProcessTree(child.pid as number, 100)).toBe(true);
  });
});

describe("waitForServer", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it("waits until the page answers over https", async () => {
    const quiet = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const certificates = await userCertificates({ home: temp("dti-home-"), log: () => undefined });
    quiet.mockRestore();
    server = createServer({ key: certificates.key, cert: certificates.cert }, (req, res) => {
      res.writeHead(req.url === "/taskpane.html" ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, "localhost", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await expect(
      waitForServer(port, { file: "taskpane.html", timeoutMs: 5000, exited: () => false }),
    ).resolves.toBeUndefined();
  }, 60_000);

  it("gives up, without waiting for its time, when the server process has ended", async () => {
    // A wait of an hour: only the process's end can stop it within the test's time.
    await expect(
      waitForServer(1, { file: "taskpane.html", timeoutMs: 3_600_000, exited: () => true }),
    ).rejects.toThrow("stopped before it was ready");
  });

  it("gives up after its time when nothing answers", async () => {
    await expect(
      waitForServer(1, { file: "taskpane.html", timeoutMs: 300, exited: () => false }),
    ).rejects.toThrow("did not answer within 0.3 s");
  });
});
