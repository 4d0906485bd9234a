#!/bin/sh
# Nightly backup of the dashboard database (custom-format pg_dump, restorable with
# pg_restore), keeping the last $KEEP_DAYS days. Run as the postgres user, e.g. from
# /etc/cron.d/coverage-dashboard:
#   15 2 * * * postgres /opt/coverage-dashboard/deploy/backup.sh
set -eu
DB="${DB:-coverage}"
DEST="${DEST:-/var/backups/coverage-dashboard}"
KEEP_DAYS="${KEEP_DAYS:-14}"

mkdir -p "$DEST"
out="$DEST/$DB-$(date +%Y%m%d-%H%M%S).dump"
# Write to a temporary name first so a failed dump never looks like a good backup.
pg_dump --format=custom --file="$out.partial" "$DB"
mv "$out.partial" "$out"
find "$DEST" -name "$DB-*.dump" -type f -mtime +"$KEEP_DAYS" -delete
echo "backup written: $out"
