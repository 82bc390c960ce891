-- Events reach this service in any order (several replicas of each side, relays leasing batches): what it knows of
-- each offender is kept with the version of the record it came from and the latest completed home visit it has
-- heard of, so that a late event never undoes a newer one (docs/events.md, "Order").
create table offender_state (
    offender_id      uuid         primary key,
    version          bigint       not null,
    status           varchar(20),
    management_mode  varchar(10),
    area_code        varchar(20),
    manager_id       uuid,
    risk_level       varchar(10),
    last_visit_on    date,
    erased           boolean      not null default false,
    updated_at       timestamptz  not null default now()
);

-- Which announcement an open item came from: an older one (an earlier visit, an earlier scan) never replaces it.
alter table open_item add column as_of date;
