export * from './model';
export * from './match';
export * from './timing';
export * from './report';
export * from './csv';
export * from './build';
