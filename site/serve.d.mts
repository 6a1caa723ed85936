import type { Server } from 'node:http';
export function contentType(file: string): string;
export function resolveInside(root: string, urlPath: string): string | null;
export function createSiteServer(options?: { root?: string }): Server;
