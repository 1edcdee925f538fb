import { Fragment } from 'react';
import { technicalSegments } from '../../shared/cases/visualOrder';

/**
 * Text whose technical values (defanged addresses, fingerprints, timestamps, case references) are
 * each laid out left to right as one piece: in an Arabic message "192.0.2[.]10" would otherwise be
 * shown as "10[.]192.0.2". The marks are elements, not characters: what is copied is the text as sent.
 */
export function BidiText({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? '\n' : null}
          {technicalSegments(line).map((segment, at) =>
            segment.technical ? (
              <span key={at} dir="ltr">
                {segment.text}
              </span>
            ) : (
              <Fragment key={at}>{segment.text}</Fragment>
            ),
          )}
        </Fragment>
      ))}
    </>
  );
}
