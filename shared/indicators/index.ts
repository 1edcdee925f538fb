/**
 * Indicators out to the tools CERTs use (issue 13): a STIX 2.1 bundle and a MISP event, built from
 * a case (or one message) with its TLP. Pure TypeScript.
 *
 *   const { indicators, tlp } = caseIndicators(record);            // or caseIndicators(record, messageId)
 *   const { bundle, skipped } = buildStixBundle({ title, indicators, tlp, createdAt });
 *   const event = buildMispEvent({ title, indicators, tlp, createdAt });
 */
export * from './tlp';
export * from './stix';
export * from './misp';
export * from './fromCase';
