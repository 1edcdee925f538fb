import type { RegionalDirectoryRecord, RegionalOrganisation } from './model';

/**
 * The channel rule of A §12 a: « Lorsque les États qui établissent la communication sont membres
 * d'une même organisation régionale et que celle-ci est dotée d'un répertoire d'interlocuteurs
 * opérationnel, ils peuvent établir la communication en utilisant soit le répertoire mondial …, soit le
 * répertoire … de l'organisation régionale concernée. Lorsqu'ils ne sont pas membres de la même
 * organisation régionale, ils peuvent établir la communication en se servant du répertoire mondial. »
 */
export type DirectoryChannel =
  | { kind: 'global' }
  | { kind: 'regional'; directoryId: string; organisation: RegionalOrganisation; name: string };

export interface ChannelChoice {
  /** Always first: the global directory is allowed in every case. */
  allowed: DirectoryChannel[];
  /** Organisations both States belong to whose directory is not operational (shown, not offered). */
  notOperational: { organisation: RegionalOrganisation; name: string }[];
}

export function allowedChannels(
  ownState: string,
  counterpartState: string,
  directories: readonly Pick<
    RegionalDirectoryRecord,
    'id' | 'organisation' | 'name' | 'memberStates' | 'operational'
  >[],
): ChannelChoice {
  const allowed: DirectoryChannel[] = [{ kind: 'global' }];
  const notOperational: ChannelChoice['notOperational'] = [];
  if (!/^[A-Z]{3}$/.test(ownState) || !/^[A-Z]{3}$/.test(counterpartState))
    return { allowed, notOperational };
  for (const directory of directories) {
    const members = new Set(directory.memberStates);
    if (!members.has(ownState) || !members.has(counterpartState)) continue;
    if (!directory.operational) {
      notOperational.push({ organisation: directory.organisation, name: directory.name });
      continue;
    }
    allowed.push({
      kind: 'regional',
      directoryId: directory.id,
      organisation: directory.organisation,
      name: directory.name,
    });
  }
  return { allowed, notOperational };
}

export function channelValue(channel: DirectoryChannel): string {
  return channel.kind === 'global' ? 'global' : `regional:${channel.directoryId}`;
}
