export * from './sealed-fields';
export * from './reseal-collection';
export * from './key-reseal-job';
