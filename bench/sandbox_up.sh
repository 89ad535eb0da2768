#!/bin/sh
# The baseline of bench_sandbox_up: what `replicactl sandbox up` does, done by
# hand as a person would write it in a plain shell script, with the same
# programs and flags. Not used by the program.
#
#   sandbox_up.sh BINDIR DIR PRIMARY_PORT STANDBY_PORT [fast-standby-start]
#
# BINDIR holds initdb, pg_ctl, psql and pg_basebackup (PostgreSQL 12 or newer).
# Run as root, the servers run as postgres. With "fast-standby-start", the
# steps are in the sandbox's order, with its two savings: the standby's first
# start skips its whole-directory fsync, and mydb is made once the standby
# streams (so that the base backup's checkpoint does not flush its files).
# Without it, the order a person would first write.
set -eu
bin=$1 dir=$2 pport=$3 sport=$4 fast=${5:-}
if [ "$(id -u)" = 0 ]; then as="runuser -u postgres --"; user=postgres; else as=""; user=$(id -un); fi

mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
$as mkdir -m 0700 "$dir/run"

# Primary.
$as "$bin/initdb" -D "$dir/primary" -U "$user" -E UTF8 --no-locale --auth-local=trust \
    --auth-host=scram-sha-256 --no-sync --data-checksums >/dev/null
$as sh -c 'cat >> "$1"' sh "$dir/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $pport
unix_socket_directories = '$dir/run'
unix_socket_permissions = 0700
max_connections = 30
shared_buffers = 32MB
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
password_encryption = 'scram-sha-256'
EOF
$as "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -s start

psql() { $as "$bin/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$dir/run" "$@"; }
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
psql -p "$pport" -d postgres <<EOF
\set password '$password'
CREATE ROLE replicator WITH LOGIN REPLICATION PASSWORD :'password';
SELECT pg_create_physical_replication_slot('standby');
EOF
demo_data() {
    psql -p "$pport" -d postgres <<EOF
CREATE DATABASE mydb;
\connect mydb
CREATE TABLE weather (city varchar(80), temp_lo int, temp_hi int, prcp real, date date);
INSERT INTO weather VALUES ('San Francisco', 46, 50, 0.25, '1994-11-27');
EOF
}
# The sandbox makes it once the standby streams (no checkpoint has to
# flush its files); a first script would make it here.
[ -z "$fast" ] && demo_data

# Standby.
$as sh -c 'umask 077; cat > "$1"' sh "$dir/replicator.pgpass" <<EOF
127.0.0.1:*:*:replicator:$password
EOF
$as "$bin/pg_basebackup" -D "$dir/standby" -d "host=127.0.0.1 port=$pport user=replicator passfile=$dir/replicator.pgpass" \
    -w --checkpoint=fast -X stream -S standby --no-sync
$as sh -c 'cat >> "$1"' sh "$dir/standby/postgresql.conf" <<EOF
port = $sport
EOF
[ -n "$fast" ] && $as sh -c 'echo "fsync = off" >> "$1"' sh "$dir/standby/postgresql.conf"
$as sh -c 'cat >> "$1"' sh "$dir/standby/postgresql.auto.conf" <<EOF
primary_conninfo = 'host=127.0.0.1 port=$pport user=replicator passfile=''$dir/replicator.pgpass'' application_name=standby'
primary_slot_name = 'standby'
EOF
$as touch "$dir/standby/standby.signal"
$as "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -s start
if [ -n "$fast" ]; then
    $as sh -c 'echo "fsync = on" >> "$1"' sh "$dir/standby/postgresql.conf"
    psql -p "$sport" -d postgres -c 'SELECT pg_reload_conf()' >/dev/null
fi

# Streaming, then synchronous.
until [ "$(psql -p "$pport" -d postgres -c "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ]; do
    sleep 0.02
done
[ -n "$fast" ] && demo_data
$as sh -c 'echo "synchronous_standby_names = '"'standby'"'" >> "$1"' sh "$dir/primary/postgresql.conf"
psql -p "$pport" -d postgres -c 'SELECT pg_reload_conf()' >/dev/null
until [ "$(psql -p "$pport" -d postgres -c "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")" = 1 ]; do
    sleep 0.02
done
# The row is on the standby when the script ends.
lsn=$(psql -p "$pport" -d postgres -c "SELECT pg_current_wal_lsn()")
until [ "$(psql -p "$pport" -d postgres -c "SELECT count(*) FROM pg_stat_replication WHERE replay_lsn >= '$lsn'")" = 1 ]; do
    sleep 0.02
done
