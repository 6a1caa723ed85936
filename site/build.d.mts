/** Options of `buildSite` (see site/build.mjs). */
export interface BuildOptions {
  /** Folder of lesson .mdx files; default env CONTENT_DIR or `content/`. */
  contentDir?: string;
  /** Folder the site is written to (emptied first); default env OUT_DIR or `site/dist/`. */
  outDir?: string;
  /** Library entry bundled for Node and the browser; default env LIB_ENTRY or `lib/index.ts`. */
  libEntry?: string;
  /** Print nothing; default false. */
  quiet?: boolean;
}
/** A page built: a lesson (`lesson: N` in its front matter) or a guide (`kind: guide`). */
export interface BuiltLesson { slug: string; title: string; kind: 'lesson' | 'guide'; figures: number; cells: number }
/** Builds the site; `lessons` lists every page built, the lessons in course order and then the guides. */
export function buildSite(options?: BuildOptions): Promise<{ outDir: string; lessons: BuiltLesson[]; ms: number }>;
