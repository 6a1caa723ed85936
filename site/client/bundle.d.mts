export const BASIC_TRACE_TYPES: string[];
export function writeClientAssets(o: { assetsDir: string; siteDir: string; libDir?: string }): Promise<void>;
