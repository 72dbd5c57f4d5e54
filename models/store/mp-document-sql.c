/* mp-document-sql.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-document"

/* The store's SQLite helpers: connections, statements, columns and
 * transactions, and the errors they report in words for people. */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-document-private.h"

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      return MP_DOCUMENT_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return MP_DOCUMENT_ERROR_NOT_SQLITE;
    case SQLITE_READONLY:
      return MP_DOCUMENT_ERROR_READ_ONLY;
    default:
      return MP_DOCUMENT_ERROR_FAILED;
    }
}

/* SQLite's messages and the values stored in a document can quote a damaged
 * or hostile file (e.g. a garbled schema): make such text valid UTF-8 without
 * control characters but newlines (no terminal escapes) and at most
 * @max_chars characters before it goes into a message for people. */
static char *
clean_text_for_message (const char *message,
                        guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (message != NULL ? message : "", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c) && c != '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
clean_for_message (const char *text)
{
  return clean_text_for_message (text, 200);
}

/* The same for a whole message that may quote names and values read from
 * the file (table and trigger names, stored codes and package names). */
void
_mp_document_clean_error_message (GError **error)
{
  if (error != NULL && *error != NULL)
    {
      char *clean = clean_text_for_message ((*error)->message, 4000);

      g_free ((*error)->message);
      (*error)->message = clean;
    }
}

void
_mp_sql_set_error (GError  **error,
                   sqlite3  *db,
                   int       rc)
{
  g_autofree char *detail = clean_for_message (db != NULL ? sqlite3_errmsg (db)
                                                          : sqlite3_errstr (rc));

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_CORRUPT,
                   _("The document is damaged (%s)."), detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_SQLITE,
                   _("This file is not a Mobility Planner document."));
      break;
    case SQLITE_FULL:
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_FAILED,
                   _("The disk is full; the last change was not stored."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_FAILED,
                   _("The document is busy in another program; try again."));
      break;
    default:
      g_set_error (error, MP_DOCUMENT_ERROR, error_code_for_sqlite (rc),
                   _("Could not access the document: %s"), detail);
      break;
    }
}

gboolean
_mp_sql_exec (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _mp_sql_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_mp_sql_prepare (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _mp_sql_set_error (error, db, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Steps a statement that returns no row; resets it for reuse. */
gboolean
_mp_sql_step_done (sqlite3       *db,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _mp_sql_set_error (error, db, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* Steps a query: TRUE on a row, FALSE at the end or on an error (then set). */
gboolean
_mp_sql_step_row (sqlite3       *db,
                  sqlite3_stmt  *stmt,
                  gboolean      *failed,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      _mp_sql_set_error (error, db, rc);
      *failed = TRUE;
    }
  return FALSE;
}

void
_mp_sql_bind_text (sqlite3_stmt *stmt,
                   int           i,
                   const char   *s)
{
  if (s == NULL)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, s, -1, SQLITE_TRANSIENT);
}

/* NaN is stored as NULL (SQLite does that anyway), and read back as NaN. */
void
_mp_sql_bind_real (sqlite3_stmt *stmt,
                   int           i,
                   double        v)
{
  if (isnan (v))
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_double (stmt, i, v);
}

void
_mp_sql_bind_bool (sqlite3_stmt *stmt,
                   int           i,
                   gboolean      b)
{
  sqlite3_bind_int (stmt, i, b ? 1 : 0);
}

/* A copy of a text column, NULL for NULL; never invalid UTF-8. */
char *
_mp_sql_column_text (sqlite3_stmt *stmt,
                     int           i)
{
  const char *s;

  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NULL;
  s = (const char *) sqlite3_column_text (stmt, i);
  if (s == NULL)
    return NULL;
  if (!g_utf8_validate (s, -1, NULL))
    return g_utf8_make_valid (s, -1);
  return g_strdup (s);
}

double
_mp_sql_column_real (sqlite3_stmt *stmt,
                     int           i)
{
  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, i);
}

/* Reads an int column into @out; FALSE (with @error) when it does not fit. */
gboolean
_mp_sql_column_int (sqlite3_stmt  *stmt,
                    int            i,
                    int           *out,
                    GError       **error)
{
  sqlite3_int64 v = sqlite3_column_int64 (stmt, i);

  if (v < G_MININT || v > G_MAXINT)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                   _("The document holds an out-of-range number in the column “%s”."),
                   sqlite3_column_name (stmt, i));
      return FALSE;
    }
  *out = (int) v;
  return TRUE;
}

gboolean
_mp_sql_column_bool (sqlite3_stmt *stmt,
                     int           i)
{
  return sqlite3_column_int64 (stmt, i) != 0;
}

void
_mp_document_set_invalid_enum (GError     **error,
                               const char  *what,
                               const char  *value)
{
  g_autofree char *shown = clean_for_message (value);

  g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
               _("The document holds an unknown %s “%s”."), what, shown);
}

gboolean
_mp_sql_begin (sqlite3  *db,
               GError  **error)
{
  return _mp_sql_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
_mp_sql_commit (sqlite3  *db,
                GError  **error)
{
  if (_mp_sql_exec (db, "COMMIT", error))
    return TRUE;
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

void
_mp_sql_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_int64
_mp_sql_query_int (sqlite3     *db,
                   const char  *sql,
                   gboolean    *ok,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (db, sql, error);
  gboolean failed = FALSE;

  *ok = FALSE;
  if (stmt == NULL)
    return 0;
  if (_mp_sql_step_row (db, stmt, &failed, error))
    {
      *ok = TRUE;
      return sqlite3_column_int64 (stmt, 0);
    }
  if (!failed)
    {
      *ok = TRUE;
      return 0;
    }
  return 0;
}

void
_mp_sql_configure_connection (sqlite3 *db)
{
  /* "Defense against the dark arts" (sqlite.org/security.html). */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db,
                "PRAGMA trusted_schema = OFF;"
                "PRAGMA cell_size_check = ON;"
                "PRAGMA mmap_size = 0;"
                "PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
}
