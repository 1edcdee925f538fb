/**
 * Standard templates v1 (A §10 b): model and schemas, indicator parsing, six-language label tables,
 * human-readable rendering, reading received JSON parts.
 */
export * from './model';
export * from './indicatorModel';
export * from './indicators';
export * from './render';
export * from './structured';
export * from './builders';
export { TEMPLATE_LABELS, labelsFor, fill, type TemplateLabels } from './labels';
