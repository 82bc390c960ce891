-- Refused attempts are kept in the audit log too (a role that does not allow an operation, a record outside the
-- caller's areas): each entry says whether the processing took place. Entries already stored were all granted.
alter table audit_event add column outcome varchar(10) not null default 'GRANTED'
    check (outcome in ('GRANTED', 'REFUSED'));
create index audit_event_refused_idx on audit_event (at) where outcome = 'REFUSED';
