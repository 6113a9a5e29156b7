/** The benchmark sections, in the order `npm run bench` runs and reports them. */
export const sectionNames = ["extract", "memory", "crawl", "frontier", "render"] as const;

export type SectionName = (typeof sectionNames)[number];
