export * from './gebied';
export * from './organisaties';
export * from './auth';
export * from './tafels';
export * from './audit';
export * from './realtime';
export * from './toezicht';
export * from './ladder';
