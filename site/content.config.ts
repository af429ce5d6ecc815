// Data comes in here only: the CMS public export, validated with core's zod contract in the
// loader (Astro 5 bundles zod 3, so the zod 4 contract isn't handed to defineCollection).
import { defineCollection } from 'astro:content'
import { exportMetaLoader, proposalsLoader } from './data/loader'

export const collections = {
  proposals: defineCollection({ loader: proposalsLoader() }),
  exportMeta: defineCollection({ loader: exportMetaLoader() }),
}
