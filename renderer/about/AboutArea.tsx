import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useHost } from '../host/HostContext';

export function AboutArea() {
  const { t } = useTranslation('common');
  const host = useHost();
  const info = useQuery({ queryKey: ['host', 'app.info'], queryFn: () => host.call('app.info', {}) });
  return (
    <section className="area" aria-labelledby="about-title">
      <h2 id="about-title">{t('nav.about')}</h2>
      <p>{t('about.purpose')}</p>
      <p>{t('about.confidentiality')}</p>
      {info.data && (
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd dir="ltr">{info.data.version}</dd>
          <dt>{t('about.host')}</dt>
          <dd>{t(`about.hosts.${info.data.host}`)}</dd>
        </dl>
      )}
      <p className="hint">{t('about.sources')}</p>
    </section>
  );
}
