import { useTranslation } from 'react-i18next';
import { allowedChannels, channelValue } from '../../shared/regional';
import { useRegionalDirectories } from './store';

/**
 * A §12 a in the inquiry wizard: the directories this exchange may go through — always the global
 * one, and the directory of each regional organisation both States belong to, when it is operational.
 * The choice is recorded in the case when the inquiry is sent.
 */
export function DirectoryChannelChoice({
  ownState,
  counterpartState,
  value,
  onChange,
}: {
  ownState: string;
  counterpartState: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('regional');
  const regional = useRegionalDirectories();
  const choice = allowedChannels(
    ownState.trim().toUpperCase(),
    counterpartState.trim().toUpperCase(),
    regional.data?.directories ?? [],
  );
  const selected = choice.allowed.some((c) => channelValue(c) === value) ? value : 'global';
  return (
    <fieldset className="group">
      <legend>{t('channel.legend')}</legend>
      <p className="hint">{choice.allowed.length > 1 ? t('channel.both') : t('channel.globalOnly')}</p>
      {choice.allowed.map((channel) => {
        const id = channelValue(channel);
        return (
          <label key={id} className="check">
            <input
              type="radio"
              name="directory-channel"
              value={id}
              checked={selected === id}
              onChange={() => onChange(id)}
            />{' '}
            {channel.kind === 'global'
              ? t('channel.global')
              : t('channel.regional', {
                  name: channel.name,
                  organisation: t(`organisation.${channel.organisation}`),
                })}
          </label>
        );
      })}
      {choice.notOperational.map((d) => (
        <p key={d.name} className="hint">
          {t('channel.notOperational', { name: d.name })}
        </p>
      ))}
    </fieldset>
  );
}
