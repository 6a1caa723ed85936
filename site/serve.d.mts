import type { Server } from 'node:http';
export function contentType(file: string): string;
export function pagePolicy(scriptHashes?: string[]): string;
export function inlineScriptHashes(html: string): string[];
export function resolveInside(root: string, urlPath: string): string | null;
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null;
export function createSiteServer(options?: { root?: string; cacheBytes?: number }): Server;
