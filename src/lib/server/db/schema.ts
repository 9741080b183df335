export * from '../tenancy/tenancy.schema';
export * from '../document/document.schema';
export * from '../people/people.schema';
export * from '../audit/audit.schema';
export * from '../participation/event.schema';
