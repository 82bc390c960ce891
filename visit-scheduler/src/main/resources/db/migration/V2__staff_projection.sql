-- The staff facts visit-scheduler needs to check who made a visit (staff.changed events, or offender-service's API
-- for a staff member not heard of yet): a visit's officer is a staff member of the offender's area.
create table staff_projection (
    staff_id    uuid         primary key,
    version     bigint       not null,
    area_code   varchar(20)  not null,
    role        varchar(20)  not null,
    active      boolean      not null,
    updated_at  timestamptz  not null default now()
);
