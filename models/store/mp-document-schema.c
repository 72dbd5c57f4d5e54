/* mp-document-schema.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-document"

/* The file format: the schema of each version, the migrations between them,
 * and the check that a file's schema is exactly the one this build makes. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-document-private.h"

/* Version 1, as released.  Never edit: version 1 files in the wild have
 * exactly these statements (tests/test-document.c keeps its own copy). */
static const char schema_v1[] =
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE reference_info (\n"
  "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  vintage TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE partner (\n"
  "  iso3 TEXT PRIMARY KEY NOT NULL,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT,\n"
  "  region TEXT,\n"
  "  combiland INTEGER NOT NULL CHECK (combiland IN (0, 1)),\n"
  "  excluded INTEGER NOT NULL CHECK (excluded IN (0, 1)),\n"
  "  excluded_reason TEXT,\n"
  "  who_ssl INTEGER NOT NULL CHECK (who_ssl IN (0, 1)),\n"
  "  who_ssl_source TEXT,\n"
  "  risk_override TEXT,\n"
  "  risk_override_reason TEXT,\n"
  "  profile_rationale TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE partner_group (\n"
  "  iso3 TEXT NOT NULL REFERENCES partner (iso3) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('membership', 'framework')),\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  PRIMARY KEY (iso3, kind, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE partner_indicator (\n"
  "  iso3 TEXT NOT NULL REFERENCES partner (iso3) ON DELETE CASCADE,\n"
  "  indicator TEXT NOT NULL,\n"
  "  value REAL,\n"
  "  year INTEGER NOT NULL,\n"
  "  source TEXT,\n"
  "  PRIMARY KEY (iso3, indicator)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE partner_interest (\n"
  "  iso3 TEXT NOT NULL REFERENCES partner (iso3) ON DELETE CASCADE,\n"
  "  interest TEXT NOT NULL,\n"
  "  weight REAL,\n"
  "  scale REAL,\n"
  "  PRIMARY KEY (iso3, interest)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE sector (\n"
  "  code TEXT PRIMARY KEY NOT NULL,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT,\n"
  "  sbi TEXT,\n"
  "  eqf INTEGER NOT NULL,\n"
  "  demand TEXT NOT NULL,\n"
  "  health INTEGER NOT NULL CHECK (health IN (0, 1)),\n"
  "  vacancies REAL,\n"
  "  vacancies_year INTEGER NOT NULL,\n"
  "  vacancies_source TEXT,\n"
  "  wage_month REAL,\n"
  "  wage_month_year INTEGER NOT NULL,\n"
  "  wage_month_source TEXT\n"
  ") STRICT;\n"
  "CREATE TABLE package (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  name TEXT NOT NULL,\n"
  "  description TEXT,\n"
  "  start_year INTEGER NOT NULL,\n"
  "  horizon INTEGER NOT NULL,\n"
  "  draws INTEGER NOT NULL,\n"
  "  seed INTEGER NOT NULL\n"
  ") STRICT;\n"
  "CREATE TABLE package_partner (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  iso3 TEXT NOT NULL,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE scheme (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT,\n"
  "  kind TEXT NOT NULL,\n"
  "  partner TEXT,\n"
  "  sector TEXT,\n"
  "  quota REAL NOT NULL,\n"
  "  first_year INTEGER NOT NULL,\n"
  "  intake_years INTEGER NOT NULL,\n"
  "  months INTEGER NOT NULL,\n"
  "  stays INTEGER NOT NULL,\n"
  "  mandatory_return INTEGER NOT NULL CHECK (mandatory_return IN (0, 1)),\n"
  "  training_months REAL NOT NULL,\n"
  "  home_track_ratio REAL NOT NULL,\n"
  "  cost_per_participant REAL NOT NULL,\n"
  "  employer_share REAL NOT NULL,\n"
  "  recruitment_fees REAL NOT NULL,\n"
  "  language_support INTEGER NOT NULL CHECK (language_support IN (0, 1)),\n"
  "  complaints_channel INTEGER NOT NULL CHECK (complaints_channel IN (0, 1)),\n"
  "  reintegration_support INTEGER NOT NULL CHECK (reintegration_support IN (0, 1)),\n"
  "  g2g_health_support INTEGER NOT NULL CHECK (g2g_health_support IN (0, 1)),\n"
  "  return_incentives INTEGER NOT NULL CHECK (return_incentives IN (0, 1)),\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE offer (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  partner TEXT,\n"
  "  sector TEXT,\n"
  "  amount REAL NOT NULL,\n"
  "  jobs REAL NOT NULL,\n"
  "  note TEXT,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE ask (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  partner TEXT,\n"
  "  returns_low REAL NOT NULL,\n"
  "  returns_mode REAL NOT NULL,\n"
  "  returns_high REAL NOT NULL,\n"
  "  level INTEGER NOT NULL,\n"
  "  note TEXT,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE tranche (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  label TEXT,\n"
  "  scheme TEXT,\n"
  "  release_year INTEGER NOT NULL,\n"
  "  extra_quota REAL NOT NULL,\n"
  "  condition TEXT NOT NULL,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE assumption (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  key TEXT NOT NULL,\n"
  "  low REAL NOT NULL,\n"
  "  mode REAL NOT NULL,\n"
  "  high REAL NOT NULL,\n"
  "  PRIMARY KEY (package_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE package_weight (\n"
  "  package_id INTEGER NOT NULL REFERENCES package (id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('interest', 'nl')),\n"
  "  component TEXT NOT NULL,\n"
  "  weight REAL,\n"
  "  scale REAL,\n"
  "  PRIMARY KEY (package_id, kind, component)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE history_step (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  label TEXT NOT NULL,\n"
  "  created INTEGER NOT NULL,\n"
  "  done INTEGER NOT NULL CHECK (done IN (0, 1))\n"
  ") STRICT;\n"
  "CREATE TABLE history_item (\n"
  "  step_id INTEGER NOT NULL REFERENCES history_step (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  target TEXT NOT NULL CHECK (target IN ('package', 'reference')),\n"
  "  package_id INTEGER,\n"
  "  before BLOB,\n"
  "  after BLOB,\n"
  "  PRIMARY KEY (step_id, position)\n"
  ") STRICT, WITHOUT ROWID;\n";

/* Version 2: packages get a user-visible order (duplicates appear right
 * after their original) and a modification time; undo steps remember where
 * a package stood so that undoing a delete puts it back in its place. */
static const char migration_v2[] =
  "ALTER TABLE package ADD COLUMN position INTEGER NOT NULL DEFAULT 0;\n"
  "UPDATE package SET position = id;\n"
  "ALTER TABLE package ADD COLUMN modified INTEGER NOT NULL DEFAULT 0;\n"
  "CREATE INDEX package_by_position ON package (position, id);\n"
  "ALTER TABLE history_item ADD COLUMN package_position INTEGER;\n";

/* migrations[v] takes a version v file to version v + 1. */
static const char * const migrations[MP_DOCUMENT_SCHEMA_VERSION] = {
  NULL,           /* 0: no such version */
  migration_v2,   /* 1 -> 2 */
};

/* The tables every version reads, with the columns this build uses; a newer
 * file (opened read-only) must still have them. */
static const char * const used_tables[] = {
  "meta", "reference_info", "partner", "partner_group", "partner_indicator",
  "partner_interest", "sector", "package", "package_partner", "scheme",
  "offer", "ask", "tranche", "assumption", "package_weight", "history_step",
  "history_item", NULL
};

gboolean
_mp_document_write_schema_v1 (sqlite3  *db,
                              GError  **error)
{
  return _mp_sql_exec (db, schema_v1, error) &&
         _mp_sql_exec (db, "PRAGMA user_version = 1", error);
}

/* A database with the schema of @version, as this build makes it. */
static sqlite3 *
build_schema (int      version,
              GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    {
      _mp_sql_set_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  if (!_mp_sql_exec (db, schema_v1, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  for (int v = 1; v < version && v < MP_DOCUMENT_SCHEMA_VERSION; v++)
    if (!_mp_sql_exec (db, migrations[v], error))
      {
        sqlite3_close (db);
        return NULL;
      }
  return db;
}

/* "type name tbl_name sql" per schema object, whitespace collapsed. */
static GHashTable *
schema_entries (sqlite3  *db,
                GError  **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema",
                                                  error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return NULL;
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *type = _mp_sql_column_text (stmt, 0);
      g_autofree char *name = _mp_sql_column_text (stmt, 1);
      g_autofree char *tbl = _mp_sql_column_text (stmt, 2);
      g_autofree char *sql = _mp_sql_column_text (stmt, 3);
      g_autoptr(GString) norm = g_string_new (NULL);
      gboolean space = FALSE;

      if (name == NULL)
        continue;
      for (const char *c = sql != NULL ? sql : ""; *c != '\0'; c++)
        {
          if (g_ascii_isspace (*c))
            space = TRUE;
          else
            {
              if (space && norm->len > 0)
                g_string_append_c (norm, ' ');
              space = FALSE;
              g_string_append_c (norm, *c);
            }
        }
      g_hash_table_insert (entries, g_steal_pointer (&name),
                           g_strdup_printf ("%s\x1f%s\x1f%s", type != NULL ? type : "",
                                            tbl != NULL ? tbl : "", norm->str));
    }
  if (failed)
    return NULL;
  return g_steal_pointer (&entries);
}

/* "name TYPE" of each column of @table. */
static GHashTable *
table_columns (sqlite3     *db,
               const char  *table,
               GError     **error)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (db, "SELECT name, type FROM pragma_table_info(?1)", error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return NULL;
  _mp_sql_bind_text (stmt, 1, table);
  while (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *name = _mp_sql_column_text (stmt, 0);
      g_autofree char *type = _mp_sql_column_text (stmt, 1);

      g_hash_table_add (columns, g_strdup_printf ("%s %s", name != NULL ? name : "",
                                                  type != NULL ? type : ""));
    }
  if (failed)
    return NULL;
  return g_steal_pointer (&columns);
}

static gboolean
check_no_code (sqlite3     *db,
               const char  *display,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (db,
                                                  "SELECT type, name FROM sqlite_schema "
                                                  "WHERE type IN ('trigger', 'view') ORDER BY type, name",
                                                  error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *type = _mp_sql_column_text (stmt, 0);
      g_autofree char *name = _mp_sql_column_text (stmt, 1);

      if (g_strcmp0 (type, "trigger") == 0)
        g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA,
                     _("“%s” contains a trigger (“%s”), which Mobility Planner never writes. "
                       "The file may have been tampered with; it was not opened."),
                     display, name != NULL ? name : "");
      else
        g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA,
                     _("“%s” contains a view (“%s”), which Mobility Planner never writes. "
                       "The file may have been tampered with; it was not opened."),
                     display, name != NULL ? name : "");
      return FALSE;
    }
  return !failed;
}

gboolean
_mp_document_verify_schema (sqlite3     *db,
                            int          version,
                            gboolean     exact,
                            const char  *display,
                            GError     **error)
{
  sqlite3 *model;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (!check_no_code (db, display, error))
    return FALSE;

  if (!(model = build_schema (exact ? version : MP_DOCUMENT_SCHEMA_VERSION, error)))
    return FALSE;
  expected = schema_entries (model, error);
  if (expected == NULL)
    {
      sqlite3_close (model);
      return FALSE;
    }
  if (!(actual = schema_entries (db, error)))
    {
      sqlite3_close (model);
      return FALSE;
    }

  /* Missing tables first: that is the likelier damage. */
  for (guint i = 0; used_tables[i] != NULL; i++)
    if (!g_hash_table_contains (actual, used_tables[i]))
      {
        g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA,
                     _("“%s” lacks the table “%s”: it is damaged or was not made by Mobility Planner."),
                     display, used_tables[i]);
        sqlite3_close (model);
        return FALSE;
      }

  if (!exact)
    {
      /* Newer version: every column this build reads, with its type. */
      for (guint i = 0; used_tables[i] != NULL; i++)
        {
          g_autoptr(GHashTable) have = table_columns (db, used_tables[i], error);
          g_autoptr(GHashTable) need = have != NULL ? table_columns (model, used_tables[i], error) : NULL;

          if (need == NULL)
            {
              sqlite3_close (model);
              return FALSE;
            }
          g_hash_table_iter_init (&iter, need);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              if (!g_hash_table_contains (have, key))
                {
                  g_autofree char *column = g_strdup (key);

                  *strchr (column, ' ') = '\0';
                  g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA,
                               _("The table “%s” in “%s” lacks the column “%s”: the file is damaged "
                                 "or was not made by Mobility Planner."),
                               used_tables[i], display, column);
                  sqlite3_close (model);
                  return FALSE;
                }
            }
        }
      sqlite3_close (model);
      return TRUE;
    }

  sqlite3_close (model);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *found = g_hash_table_lookup (actual, key);

      if (found == NULL || !g_str_equal (found, value))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA,
                       _("The table or index “%s” in “%s” is not as Mobility Planner writes it: "
                         "the file is damaged or was changed by another program; it was not opened."),
                       (const char *) key, display);
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      /* Statistics tables are written by ANALYZE and only steer the planner. */
      if (g_str_equal (key, "sqlite_stat1") || g_str_equal (key, "sqlite_stat4"))
        continue;
      if (!g_hash_table_contains (expected, key))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA,
                       _("“%s” contains “%s”, which Mobility Planner never writes: the file was "
                         "changed by another program; it was not opened."),
                       display, (const char *) key);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_mp_document_migrate (sqlite3  *db,
                      GError  **error)
{
  gboolean ok;
  sqlite3_int64 version;
  g_autofree char *set_version = NULL;

  if (!_mp_sql_begin (db, error))
    return FALSE;
  /* Read again inside the write transaction: another instance may have
   * migrated the file since it was checked. */
  version = _mp_sql_query_int (db, "PRAGMA user_version", &ok, error);
  if (!ok)
    goto fail;
  for (sqlite3_int64 v = version; v >= 1 && v < MP_DOCUMENT_SCHEMA_VERSION; v++)
    if (!_mp_sql_exec (db, migrations[v], error))
      goto fail;
  set_version = g_strdup_printf ("PRAGMA user_version = %d", MP_DOCUMENT_SCHEMA_VERSION);
  if (!_mp_sql_exec (db, set_version, error))
    goto fail;
  return _mp_sql_commit (db, error);

fail:
  _mp_sql_rollback (db);
  return FALSE;
}

