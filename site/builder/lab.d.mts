export function loadLabForNode(entry: string): Promise<Record<string, any>>;
export function bundleLabForBrowser(entry: string): Promise<string>;
