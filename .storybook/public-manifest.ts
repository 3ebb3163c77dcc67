/**
 * The manifest as Storybook should show it: the analyzer lists every class member, private and protected
 * ones and static settings included (`personTask`, `client`, `notConnectedAfterMs`…), and Storybook puts
 * each in the Properties table and the Controls panel. Readers come for the public API, so only public
 * instance fields stay.
 */
interface ManifestMember {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
}
interface ManifestDeclaration {
  members?: ManifestMember[];
  [key: string]: unknown;
}
interface Manifest {
  modules?: Array<{ declarations?: ManifestDeclaration[]; [key: string]: unknown }>;
  [key: string]: unknown;
}

export function isPublicMember(member: ManifestMember): boolean {
  return !member.static && (member.privacy ?? 'public') === 'public' && !member.name?.startsWith('_');
}

/** A copy of `manifest` whose declarations list only their public instance members. */
export function publicManifest<T extends Manifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.members
          ? { ...declaration, members: declaration.members.filter(isPublicMember) }
          : declaration,
      ),
    })),
  };
}
