export * from './users';
export * from './organizations';
export * from './initiatives';
export * from './collab';
export * from './consultations';
export * from './inputs';
export * from './notifications';
export * from './grievances';
