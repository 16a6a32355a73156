export * from './users';
export * from './organizations';
export * from './initiatives';
export * from './collab';
