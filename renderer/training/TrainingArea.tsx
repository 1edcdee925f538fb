import { useTranslation } from 'react-i18next';
import type { AreaProps } from '../navigation/navigation';
import { CourseHome } from './course/CourseHome';
import { ModuleScreen } from './course/ModuleScreen';
import { DebriefScreen } from './DebriefScreen';
import { ExerciseHome } from './ExerciseHome';
import { FacilitatorScreen } from './group/FacilitatorScreen';
import { GroupExercises } from './group/GroupExercises';
import { GroupRunScreen } from './group/GroupRunScreen';
import { RunScreen } from './RunScreen';
import './training.css';

/**
 * Training (A/78/265 Annex A § 13): « un tutoriel en ligne "POC 101" sur les aspects pratiques … de
 * la participation à un tel mécanisme » (a), and « un exercice de simulation … en utilisant des
 * scénarios de base » (e). Routes: #/training, #/training/run/<id>, #/training/debrief/<id>,
 * #/training/course/<module>, and group mode: #/training/group/<exercise id> (a participant),
 * #/training/facilitate/<exercise id> (a facilitator).
 */
export function TrainingArea({ param }: AreaProps) {
  const { t } = useTranslation('training');
  const [view = '', id = ''] = (param ?? '').split('/');
  let content;
  if (view === 'run' && id) content = <RunScreen runId={id} />;
  else if (view === 'debrief' && id) content = <DebriefScreen runId={id} />;
  else if (view === 'course' && id) content = <ModuleScreen moduleId={id} />;
  else if (view === 'group' && id) content = <GroupRunScreen exerciseId={id} />;
  else if (view === 'facilitate' && id) content = <FacilitatorScreen exerciseId={id} />;
  else
    content = (
      <>
        <CourseHome />
        <ExerciseHome />
        <GroupExercises />
      </>
    );
  return (
    <section className="area training" aria-labelledby="training-title">
      <h2 id="training-title">{t('title')}</h2>
      {view && (
        <p>
          <a href="#/training">{t('back')}</a>
        </p>
      )}
      {content}
    </section>
  );
}
