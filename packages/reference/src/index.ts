export * from './reason';
export * from './enums';
export * from './area-code';
export * from './id-number';
export * from './poverty-line';
export * from './money';
export * from './calendar';
export * from './school-calendar';
