/**
 * The pages made from the manifest rather than from one document: each municipality's
 * page (`<id>/index.html`, the pseudo-document `index`) and the review site
 * (`index.html`). Both are functions of what the manifest says (documents, files and
 * sizes, warnings) and of the profile for the municipality's page, so they are built
 * after the documents, in the main thread, and only written when their bytes change. The
 * review site depends on nothing but the manifest, so `folderpers site` can make it again
 * from a merged manifest of shards, byte for byte what one build of them all would write.
 */
import { relative, sep, isAbsolute } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { MergedProfile } from '../profiles/model.js';
import { pageTokens, type Tokens, type WebLogo } from '../render/html/index.js';
import { municipalityPage, type SiteDocument } from '../site/municipality-page.js';
import { reviewSite, type SiteMunicipality } from '../site/review-site.js';
import { INDEX_DOCUMENT } from '../content/ids.js';
import { canonicalJson, combineHashes } from './hash.js';
import { sortWarnings, type Manifest, type ManifestArtifact, type ManifestDocument, type ManifestWarning } from './manifest.js';
import { compareIds } from './plan.js';
import { logoAspect } from '../layout/logo.js';
import { checkedAsset } from '../assets/checked.js';
import { kindNames } from '../kinds/registry.js';

/**
 * Each municipality's documents as a site lists them, with their files: one pass over the
 * manifest's artifacts, which a national build has thousands of. The municipality pages
 * themselves are not listed.
 */
export function siteListings(documents: readonly ManifestDocument[], artifacts: readonly ManifestArtifact[]): Map<string, SiteDocument[]> {
  const files = new Map<string, ManifestArtifact[]>();
  for (const a of artifacts) {
    if (a.document === INDEX_DOCUMENT) continue;
    const key = `${a.municipality}/${a.document}`;
    const list = files.get(key);
    if (list) list.push(a);
    else files.set(key, [a]);
  }
  // In the order of the kinds (the parent leaflet first, as a reader looks for it), then by id.
  const rank = (kind: string) => (kindNames().indexOf(kind) + 1 || Infinity);
  const ordered = [...documents].sort((a, b) => rank(a.kind) - rank(b.kind) || compareIds(a.id, b.id));
  const listings = new Map<string, SiteDocument[]>();
  for (const municipality of new Set(artifacts.map((a) => a.municipality))) {
    listings.set(
      municipality,
      ordered.flatMap((d) => {
        const own = [...(files.get(`${municipality}/${d.id}`) ?? [])]
          .sort((a, b) => compareIds(a.path, b.path))
          .map((f) => ({ format: f.format, path: f.path, bytes: f.bytes }));
        return own.length ? [{ id: d.id, title: d.title, ...(d.description ? { description: d.description } : {}), files: own }] : [];
      }),
    );
  }
  return listings;
}

/** What a municipality's page shows besides its profile: its documents' titles and files. */
export function indexInputs(listing: readonly SiteDocument[]): string {
  return canonicalJson(listing);
}

export function indexInputHash(parts: { tool: string; profile: string; listing: string }): string {
  return combineHashes({ ...parts, page: INDEX_DOCUMENT });
}

/** The logo in a page header: 56 CSS px high, from the checked bytes. */
export function headerLogo(profile: MergedProfile): WebLogo | undefined {
  const file = profile.brand.logo;
  if (!file) return undefined;
  const bytes = checkedAsset(file);
  const png = bytes.subarray(1, 4).toString('latin1') === 'PNG';
  const height = 56;
  return { src: `data:${png ? 'image/png' : 'image/svg+xml'};base64,${bytes.toString('base64')}`, width: Math.max(1, Math.round(height * logoAspect(file))), height };
}

export function municipalityPageFor(parts: {
  profile: MergedProfile;
  tokens: Partial<Tokens> | undefined;
  listing: readonly SiteDocument[];
  generator: string;
}): string {
  const { profile } = parts;
  const logo = headerLogo(profile);
  return municipalityPage({
    profile,
    documents: [...parts.listing],
    tokens: pageTokens(profile.brand.primary, parts.tokens),
    ...(logo ? { logo } : {}),
    generator: parts.generator,
  });
}

/** The review site of everything a manifest lists (its `site` entry aside). */
export function reviewSiteFor(manifest: Manifest, listings = siteListings(manifest.documents, manifest.artifacts)): string {
  const jobWarnings = new Map<string, ManifestWarning[]>();
  for (const j of manifest.jobs) jobWarnings.set(j.municipality, [...(jobWarnings.get(j.municipality) ?? []), ...j.warnings]);
  const municipalities: SiteMunicipality[] = manifest.municipalities.map((m) => ({
    id: m.id,
    name: m.name,
    documents: listings.get(m.id) ?? [],
    // Sorted as the manifest file keeps them: the site is the same from a manifest in memory or read back.
    warnings: sortWarnings([...m.warnings, ...(jobWarnings.get(m.id) ?? [])]),
  }));
  return reviewSite({ municipalities, national: sortWarnings(manifest.warnings), generator: manifest.generator });
}

/** A diagnostic as the manifest keeps it: its file relative to the content folder, so the manifest is the same on every machine. */
export function manifestWarning(d: Diagnostic, contentRoot: string): ManifestWarning {
  const rel = relative(contentRoot, d.file);
  const file = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? (d.file.split(/[\\/]/).pop() ?? d.file) : rel.split(sep).join('/');
  return { file, line: d.line, column: d.column, rule: d.rule, message: d.message };
}

/** The municipality a warning is about (its profile or a file in its folder), or undefined for national content. */
export function warningMunicipality(w: ManifestWarning): string | undefined {
  const m = /^municipalities\/([^/]+?)(?:\.ya?ml$|\/)/i.exec(w.file);
  return m?.[1];
}
