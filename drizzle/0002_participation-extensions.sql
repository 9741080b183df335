-- Trigram similarity lets the idea search forgive typos; the ideas migration's title index needs it.
create extension if not exists pg_trgm;
