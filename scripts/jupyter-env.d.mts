// Types for scripts/jupyter-env.mjs (used by the notebook and browser tests).
import type { ChildProcess } from 'node:child_process';
export declare const REPO_ROOT: string;
export declare const PYTHON: string;
export declare const JUPYTER_DIR: string;
export declare const NOTEBOOKS_DIR: string;
export declare const TSLAB_BIN: string;
export declare const KERNEL_NAME: string;
export declare function jupyterEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export declare function missingSystemDeps(options?: { chromium?: boolean }): string[];
export declare function ensureSystemDeps(options?: { chromium?: boolean }): void;
export declare function libraryIsStale(): boolean;
export declare function ensureLibraryBuilt(options?: { log?: (message: string) => void }): boolean;
export declare function ensureKernel(): void;
export declare function prepareJupyter(options?: { chromium?: boolean; log?: (message: string) => void }): void;
export declare function freePort(): Promise<number>;
export interface ExecutedNotebook {
  ok: boolean;
  error: string | null;
  seconds: number;
  stderr: string;
  notebook: {
    cells: Array<{ cell_type: string; id: string; source: string[] | string; metadata?: Record<string, any>; outputs?: Array<Record<string, any>> }>;
    metadata?: Record<string, any>;
  };
}
export declare function executeNotebook(
  notebookPath: string,
  options?: { outputPath?: string; cellTimeoutSeconds?: number },
): Promise<ExecutedNotebook>;
export interface NotebookServer {
  url: string;
  baseUrl: string;
  port: number;
  token: string;
  process: ChildProcess;
  log(): string;
  stop(): Promise<{ code: number | null; signal: string | null } | null>;
}
export declare function startNotebookServer(options?: {
  dir?: string;
  port?: number;
  token?: string;
  ip?: string;
  startupSeconds?: number;
  quiet?: boolean;
}): Promise<NotebookServer>;
