create table visit (id bigint primary key, invitation_id uuid);
