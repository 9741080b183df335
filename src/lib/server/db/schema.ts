export * from '../tenancy/tenancy.schema';
export * from '../document/document.schema';
export * from '../people/people.schema';
export * from '../audit/audit.schema';
export * from '../people/account.schema';
export * from '../participation/idea.schema';
export * from '../people/organisation.schema';
export * from '../participation/event.schema';
