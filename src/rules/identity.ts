/**
 * A new profile is most often a copy of another one (`cp huizen.yaml bergen-op-zoom.yaml`),
 * and what a copy keeps without anyone noticing is the other municipality's identity: every
 * value validates, and Bergen op Zoom ships Huizen's logo. Three checks:
 *
 * - `profile/foreign-asset` (error): an asset path into another municipality's folder
 *   (`content/municipalities/<other>/…`, where `<other>` has a profile);
 * - `profile/shared-logo` (error): two profiles whose logo files have the same bytes (a
 *   copied file in the new folder), compared against every profile, also when only one is
 *   validated;
 * - `profile/example-address` (warning): an e-mail address or web address at a domain that
 *   can never be real (RFC 2606 / RFC 6761: the top-level domains `.example`, `.test`,
 *   `.invalid`, `.localhost`, and example.com, example.net and example.org) in a profile
 *   without `example: true`: the invented details of a demonstration profile, kept.
 */
import { basename, join, relative, resolve, sep } from 'node:path';
import { pointer } from '../content/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { linkKindOf } from '../profiles/field-kinds.js';
import { assetFields, type ProfileLoad } from '../profiles/load-profile.js';
import { digestOf, readLogoDigest, type LogoDigest } from '../profiles/logo-digests.js';
import { othersMayShareLogo, type LoadedLogo } from '../profiles/logo-twins.js';
import { fieldName, pointerSegments, quote } from '../schema/index.js';
import { leaves } from './profile-values.js';

export const FOREIGN_ASSET_RULE = 'profile/foreign-asset';
export const SHARED_LOGO_RULE = 'profile/shared-logo';
export const EXAMPLE_ADDRESS_RULE = 'profile/example-address';

/** One id however a file system spells it: `Huizen` and `huizen` are one folder on Windows and macOS. */
function idKey(id: string): string {
  return id.normalize('NFC').toLowerCase();
}

/** The folder under content/municipalities/ that an asset path written there leads into. */
function folderOf(base: string, written: string): string {
  return relative(base, resolve(base, written)).split(sep)[0]!;
}

function idOf(file: string): string {
  return basename(file).replace(/\.ya?ml$/i, '');
}

export interface IdentityInput {
  /** The content folder, absolute. */
  root: string;
  /** Every profile file of the content folder, selected or not. */
  allProfiles: readonly string[];
  /** The profiles this validation loaded. */
  loads: readonly ProfileLoad[];
}

export async function checkIdentity(input: IdentityInput): Promise<Diagnostic[]> {
  const base = join(input.root, 'municipalities');
  const owners = new Map(input.allProfiles.map((file) => [idKey(idOf(file)), file]));
  const out: Diagnostic[] = [];
  /** Profiles whose logo lies in another municipality's folder: that error says it already. */
  const foreignLogo = new Map<string, string>();

  for (const load of input.loads) {
    const file = load.own.file;
    const own = idKey(idOf(file));
    for (const field of assetFields(load.own)) {
      const folder = folderOf(base, field.path);
      const owner = owners.get(idKey(folder));
      if (idKey(folder) === own || owner === undefined) continue;
      if (field.pointer === '/brand/logo') foreignLogo.set(file, folder);
      out.push(
        diagnostic(
          field.at,
          FOREIGN_ASSET_RULE,
          `${fieldName(pointerSegments(field.pointer))} ${quote(field.path)} lies in the folder of the municipality '${idOf(owner)}' (${basename(owner)}), not in ${idOf(file)}/: a copied profile still using another municipality's file; put ${idOf(file)}'s own file in content/municipalities/${idOf(file)}/ and name it here`,
        ),
      );
    }
  }

  out.push(...(await sharedLogos(input, base, foreignLogo)));
  for (const load of input.loads) out.push(...exampleAddresses(load));
  return out;
}

async function sharedLogos(input: IdentityInput, base: string, foreignLogo: ReadonlyMap<string, string>): Promise<Diagnostic[]> {
  const loaded = new Map<string, LogoDigest>();
  const logos: LoadedLogo[] = [];
  for (const load of input.loads) {
    const logo = load.loaded?.profile.brand?.logo;
    const bytes = logo ? load.loaded?.assets[logo] : undefined;
    const written = load.own.data['brand'] as { logo?: unknown } | undefined;
    if (logo && bytes && typeof written?.logo === 'string') {
      loaded.set(load.own.file, { file: load.own.file, written: written.logo, sha256: digestOf(bytes) });
      logos.push({ file: logo, bytes, ownFolder: idKey(idOf(load.own.file)) });
    }
  }
  const others = input.allProfiles.filter((file) => !input.loads.some((l) => l.own.file === file));
  // Read only when a look at the content folder's files cannot rule a twin out (logo-twins.ts).
  const read = others.length > 0 && (await othersMayShareLogo(input.root, logos, idKey)) ? others : [];
  const digests = [...loaded.values(), ...(await Promise.all(read.map((file) => readLogoDigest(input.root, file)))).flatMap((d) => (d ? [d] : []))];
  const bySha = new Map<string, LogoDigest[]>();
  for (const d of digests) (bySha.get(d.sha256) ?? bySha.set(d.sha256, []).get(d.sha256)!).push(d);

  const out: Diagnostic[] = [];
  for (const load of input.loads) {
    const mine = loaded.get(load.own.file);
    if (!mine || foreignLogo.has(mine.file)) continue;
    const own = idKey(idOf(mine.file));
    // A profile whose logo path leads into this one's folder is the copy, and is told so
    // itself (profile/foreign-asset); this one is not at fault.
    const twins = bySha.get(mine.sha256)!.filter((d) => d.file !== mine.file && idKey(folderOf(base, d.written)) !== own);
    if (twins.length === 0) continue;
    const named = twins.map((d) => `'${idOf(d.file)}' (${basename(d.file)}, logo ${d.written})`).join(', ');
    out.push(
      diagnostic(
        load.own.positions.get('/brand/logo') ?? { file: mine.file, line: 1, column: 1 },
        SHARED_LOGO_RULE,
        `the logo ${quote(mine.written)} has exactly the bytes of the logo of ${twins.length === 1 ? 'the municipality' : 'the municipalities'} ${named}: each municipality prints its own logo, so one of them is a copy; give the copied profile its own logo`,
      ),
    );
  }
  return out;
}

const RESERVED_DOMAIN = /(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|net|org)$/;

/** The reserved domain an address uses, or undefined. */
export function reservedDomain(kind: 'mailto' | 'https', value: string): string | undefined {
  let host: string;
  if (kind === 'mailto') host = value.slice(value.lastIndexOf('@') + 1);
  else {
    try {
      host = new URL(value).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.toLowerCase().replace(/\.$/, '');
  const m = RESERVED_DOMAIN.exec(host);
  if (!m) return undefined;
  return m[2] ? `.${m[2]}` : host.slice(host.lastIndexOf('example.'));
}

function exampleAddresses(load: ProfileLoad): Diagnostic[] {
  const own = load.own;
  // A profile with schema errors has those to fix first (and `example` may be one of them).
  if (own.invalid || own.data['example'] === true) return [];
  const out: Diagnostic[] = [];
  for (const leaf of leaves(own.data)) {
    const kind = linkKindOf(leaf.path);
    if (kind !== 'mailto' && kind !== 'https') continue;
    const domain = reservedDomain(kind, leaf.value);
    if (!domain) continue;
    const at = own.positions.get(pointer(leaf.path));
    if (!at) continue;
    out.push(
      diagnostic(
        at,
        EXAMPLE_ADDRESS_RULE,
        `${fieldName(leaf.path)} ${quote(leaf.value)} uses the reserved domain ${domain}, which never reaches a real ${kind === 'mailto' ? 'mailbox' : 'site'}: write the real address, or mark a demonstration profile with invented details as example: true`,
        'warning',
      ),
    );
  }
  return out;
}
