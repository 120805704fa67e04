export * from './labels';
export * from './meta';
export * from './charts';
export * from './ward-report';
export * from './estate-report';
