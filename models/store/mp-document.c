/* mp-document.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-document"

/* F_OFD_SETLK (open file description locks) is Linux/glibc API. */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mp-i18n.h"
#include "mp-document.h"
#include "mp-document-private.h"
#include "mp-field-rules.h"
#include "mp-json.h"
#include "mp-reference.h"
#include "mp-validate.h"

/* The store, in short (see also mp-document-private.h):
 *
 *  - one SQLite file, application_id 'MPln', user_version = schema version;
 *    every table STRICT, child tables WITHOUT ROWID keyed (package_id,
 *    position) so a package's rows are one range of the b-tree;
 *  - a document is created as schema v1 plus every migration, so new files
 *    and upgraded files have the same schema, text for text;
 *  - WAL while open (synchronous=FULL: a reported commit survives power
 *    loss), switched back to a rollback journal on close so the closed file
 *    is one self-contained file;
 *  - every edit is one transaction that changes the rows and records an
 *    undo step holding the before and after state of each package touched
 *    (a GVariant snapshot), so undo survives closing the document;
 *  - hostile files are checked before use: magic, size, application_id,
 *    user_version, quick_check, the schema compared statement by statement
 *    with the schema this build makes, and every value read is validated.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define LOCK_PREFIX ".~lock."
#define LOCK_SUFFIX "#"

/* ---- Schema ------------------------------------------------------------ */

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

/* ---- Snapshots (undo records) ------------------------------------------ */

#define SCHEME_T     "(mssmsmsdiiiibdddddbbbbb)"
#define OFFER_T      "(smsmsddms)"
#define ASK_T        "(smsdddims)"
#define TRANCHE_T    "(msmsids)"
#define ASSUMPTION_T "(sddd)"
#define PACKAGE_T    "(msmsasiiuta" SCHEME_T "a" OFFER_T "a" ASK_T "a" TRANCHE_T \
                     "a" ASSUMPTION_T "a(sdd)a(sd))"
#define VALUE_T      "(dims)"
#define PARTNER_T    "(smsmsasasbbmsbmsmsmsa(sdims)a(sdd)ms)"
#define SECTOR_T     "(smsmsisb" VALUE_T VALUE_T ")"
#define REFERENCE_T  "(msa" PARTNER_T "a" SECTOR_T ")"

/* The same, as g_variant_get() formats (borrowed enum strings, strvs). */
#define SCHEME_GET     "(ms&smsmsdiiiibdddddbbbbb)"
#define OFFER_GET      "(&smsmsddms)"
#define ASK_GET        "(&smsdddims)"
#define TRANCHE_GET    "(msmsid&s)"
#define ASSUMPTION_GET "(&sddd)"
#define PACKAGE_GET    "(msms^asiiuta" SCHEME_T "a" OFFER_T "a" ASK_T "a" TRANCHE_T \
                       "a" ASSUMPTION_T "a(sdd)a(sd))"
#define PARTNER_GET    "(&smsms^as^asbbmsbmsmsmsa(sdims)a(sdd)ms)"
#define SECTOR_GET     "(&smsmsi&sb(dims)(dims))"

/* The children of PACKAGE_T stored in child tables: partners (2), schemes,
 * offers, asks, tranches, assumptions and weights (7..13); the others are
 * columns of the package row. */
static const int package_child_fields[] = { 2, 7, 8, 9, 10, 11, 12, 13 };

/* ---- The object -------------------------------------------------------- */

struct _MpDocument
{
  GObject       parent_instance;

  sqlite3      *db;
  char         *path;
  int           lock_fd;
  char         *lock_path;
  gboolean      read_only;
  char         *read_only_reason;
  int           file_version;
  gboolean      newer;           /* file_version > MP_DOCUMENT_SCHEMA_VERSION */

  MpReference  *reference;
  char         *undo_label;
  char         *redo_label;
};

G_DEFINE_FINAL_TYPE (MpDocument, mp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_QUARK (mp-document-error-quark, mp_document_error)

/* A change to emit once the transaction is committed. */
typedef struct
{
  MpDocumentChange change;
  gint64           id;
} Emission;

/* ---- Small SQLite helpers ---------------------------------------------- */

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
static void
clean_error_message (GError **error)
{
  if (error != NULL && *error != NULL)
    {
      char *clean = clean_text_for_message ((*error)->message, 4000);

      g_free ((*error)->message);
      (*error)->message = clean;
    }
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc)
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

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Steps a statement that returns no row; resets it for reuse. */
static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_sqlite_error (error, db, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* Steps a query: TRUE on a row, FALSE at the end or on an error (then set). */
static gboolean
step_row (sqlite3       *db,
          sqlite3_stmt  *stmt,
          gboolean      *failed,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db, rc);
      *failed = TRUE;
    }
  return FALSE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           i,
           const char   *s)
{
  if (s == NULL)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, s, -1, SQLITE_TRANSIENT);
}

/* NaN is stored as NULL (SQLite does that anyway), and read back as NaN. */
static void
bind_real (sqlite3_stmt *stmt,
           int           i,
           double        v)
{
  if (isnan (v))
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_double (stmt, i, v);
}

static void
bind_bool (sqlite3_stmt *stmt,
           int           i,
           gboolean      b)
{
  sqlite3_bind_int (stmt, i, b ? 1 : 0);
}

/* A copy of a text column, NULL for NULL; never invalid UTF-8. */
static char *
column_text (sqlite3_stmt *stmt,
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

static double
column_real (sqlite3_stmt *stmt,
             int           i)
{
  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, i);
}

/* Reads an int column into @out; FALSE (with @error) when it does not fit. */
static gboolean
column_int (sqlite3_stmt  *stmt,
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

static gboolean
column_bool (sqlite3_stmt *stmt,
             int           i)
{
  return sqlite3_column_int64 (stmt, i) != 0;
}

static void
set_invalid_enum (GError     **error,
                  const char  *what,
                  const char  *value)
{
  g_autofree char *shown = clean_for_message (value);

  g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
               _("The document holds an unknown %s “%s”."), what, shown);
}

static gboolean
begin (sqlite3  *db,
       GError  **error)
{
  return exec_sql (db, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (sqlite3  *db,
        GError  **error)
{
  if (exec_sql (db, "COMMIT", error))
    return TRUE;
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static void
rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static sqlite3_int64
query_int (sqlite3     *db,
           const char  *sql,
           gboolean    *ok,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, error);
  gboolean failed = FALSE;

  *ok = FALSE;
  if (stmt == NULL)
    return 0;
  if (step_row (db, stmt, &failed, error))
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

/* ---- Validation -------------------------------------------------------- */

static gboolean
valid_iso3 (const char *s)
{
  return s != NULL && strlen (s) == 3 &&
         g_ascii_isupper (s[0]) && g_ascii_isupper (s[1]) && g_ascii_isupper (s[2]);
}

/* A sourced value within the rule of @id, its year (0: none) within the
 * rule of a value's year (mp-field-rules.h). */
static gboolean
valid_value (const MpValue *v,
             MpFieldId      id)
{
  gboolean year_ok = v->year == 0 || mp_field_check (MP_FIELD_VALUE_YEAR, v->year, NULL, NULL);

  if (isnan (v->value))
    return year_ok;
  return year_ok && mp_field_check (id, v->value, NULL, NULL);
}

/* A text that fits the length of the text field @id. */
static gboolean
valid_text (const char *s,
            MpFieldId   id)
{
  return s == NULL || (g_utf8_validate (s, -1, NULL) && mp_field_check_text (id, s, NULL, NULL));
}

/* Validates a reference snapshot as the reference data loader does: codes,
 * unique keys, enum values and numeric ranges. */
gboolean
_mp_document_validate_reference (const MpReference  *ref,
                                 GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (ref == NULL || ref->partners == NULL || ref->sectors == NULL)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The reference data is incomplete."));
      return FALSE;
    }
  if (!valid_text (ref->vintage, MP_FIELD_NAME))
    goto bad_vintage;

  for (guint i = 0; i < ref->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, i);

      if (p == NULL || !valid_iso3 (p->iso3) || g_hash_table_contains (seen, p->iso3))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       _("Partner %u of the reference data has a missing, malformed or repeated ISO 3166 code."),
                       i + 1);
          return FALSE;
        }
      g_hash_table_add (seen, p->iso3);

      if (!valid_text (p->name, MP_FIELD_NAME) || !valid_text (p->region, MP_FIELD_NAME) ||
          !valid_text (p->excluded_reason, MP_FIELD_TEXT) ||
          !valid_text (p->who_ssl_source, MP_FIELD_TEXT) ||
          !valid_text (p->risk_override_reason, MP_FIELD_TEXT) ||
          !valid_text (p->profile.rationale, MP_FIELD_TEXT) ||
          (p->has_risk_override && (guint) p->risk_override >= MP_N_RISK))
        goto bad_partner;

      for (guint k = 0; p->memberships != NULL && p->memberships[k] != NULL; k++)
        if (!valid_text (p->memberships[k], MP_FIELD_NAME))
          goto bad_partner;
      for (guint k = 0; p->frameworks != NULL && p->frameworks[k] != NULL; k++)
        if (!valid_text (p->frameworks[k], MP_FIELD_NAME))
          goto bad_partner;

      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          if (!valid_value (&p->ind[k], mp_field_indicator (k)) ||
              !valid_text (p->ind[k].source, MP_FIELD_TEXT))
            {
              g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The indicator “%s” of %s in the reference data is not a valid value."),
                           mp_indicator_to_string (k), p->iso3);
              return FALSE;
            }
        }

      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          double w = p->profile.weights[k];
          double s = p->profile.scales[k];

          if (!mp_field_check (MP_FIELD_PARTNER_INTEREST_WEIGHTS, w, NULL, NULL) ||
              !(isnan (s) || mp_field_check (MP_FIELD_PARTNER_INTEREST_SCALES, s, NULL, NULL)))
            {
              g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The interest profile of %s in the reference data holds a weight outside 0–5 or a scale that is not positive."),
                           p->iso3);
              return FALSE;
            }
        }
      continue;

    bad_partner:
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                   _("The partner %s in the reference data holds an invalid value."), p->iso3);
      return FALSE;
    }

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < ref->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (ref->sectors, i);

      if (s == NULL || s->code == NULL || s->code[0] == '\0' ||
          !valid_text (s->code, MP_FIELD_NAME) || g_hash_table_contains (seen, s->code))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       _("Sector %u of the reference data has a missing or repeated code."),
                       i + 1);
          return FALSE;
        }
      g_hash_table_add (seen, s->code);

      if (!valid_text (s->name, MP_FIELD_NAME) || !valid_text (s->sbi, MP_FIELD_NAME) ||
          !mp_field_check (MP_FIELD_SECTOR_EQF, s->eqf, NULL, NULL) ||
          (guint) s->demand >= MP_N_DEMAND ||
          !valid_value (&s->vacancies, MP_FIELD_SECTOR_VACANCIES) ||
          !valid_value (&s->wage_month, MP_FIELD_SECTOR_WAGE) ||
          !valid_text (s->vacancies.source, MP_FIELD_TEXT) ||
          !valid_text (s->wage_month.source, MP_FIELD_TEXT))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       _("The sector “%s” in the reference data holds an invalid value."), s->code);
          return FALSE;
        }
    }

  return TRUE;

bad_vintage:
  g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       _("The vintage of the reference data is not valid text."));
  return FALSE;
}

/* Validates a package with the validator JSON input goes through. */
static gboolean
validate_package (const MpReference  *reference,
                  const MpPackage    *package,
                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (package == NULL || package->schemes == NULL || package->offers == NULL ||
      package->asks == NULL || package->tranches == NULL || package->assumptions == NULL)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The package is incomplete."));
      return FALSE;
    }

  if (!mp_package_validate (package, reference, "package", &local_error))
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                   _("The package “%s” holds an invalid value: %s"),
                   package->name != NULL && g_utf8_validate (package->name, -1, NULL) ? package->name : "?",
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- Reference rows ---------------------------------------------------- */

static gboolean
write_reference_rows (sqlite3            *db,
                      const MpReference  *ref,
                      GError            **error)
{
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autoptr(sqlite3_stmt) partner = NULL;
  g_autoptr(sqlite3_stmt) group = NULL;
  g_autoptr(sqlite3_stmt) indicator = NULL;
  g_autoptr(sqlite3_stmt) interest = NULL;
  g_autoptr(sqlite3_stmt) sector = NULL;

  if (!exec_sql (db,
                 "DELETE FROM partner_group; DELETE FROM partner_indicator; "
                 "DELETE FROM partner_interest; DELETE FROM partner; "
                 "DELETE FROM sector; DELETE FROM reference_info;", error))
    return FALSE;

  if (!(info = prepare (db, "INSERT INTO reference_info (id, vintage) VALUES (1, ?1)", error)) ||
      !(partner = prepare (db,
                           "INSERT INTO partner (iso3, position, name, region, combiland, excluded, "
                           "excluded_reason, who_ssl, who_ssl_source, risk_override, "
                           "risk_override_reason, profile_rationale) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error)) ||
      !(group = prepare (db,
                         "INSERT INTO partner_group (iso3, kind, position, name) VALUES (?1, ?2, ?3, ?4)",
                         error)) ||
      !(indicator = prepare (db,
                             "INSERT INTO partner_indicator (iso3, indicator, value, year, source) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", error)) ||
      !(interest = prepare (db,
                            "INSERT INTO partner_interest (iso3, interest, weight, scale) "
                            "VALUES (?1, ?2, ?3, ?4)", error)) ||
      !(sector = prepare (db,
                          "INSERT INTO sector (code, position, name, sbi, eqf, demand, health, "
                          "vacancies, vacancies_year, vacancies_source, wage_month, wage_month_year, "
                          "wage_month_source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                          error)))
    return FALSE;

  bind_text (info, 1, ref->vintage);
  if (!step_done (db, info, error))
    return FALSE;

  for (guint i = 0; i < ref->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, i);
      struct { const char *kind; char **names; } groups[] = {
        { "membership", p->memberships },
        { "framework", p->frameworks },
      };

      bind_text (partner, 1, p->iso3);
      sqlite3_bind_int (partner, 2, (int) i);
      bind_text (partner, 3, p->name);
      bind_text (partner, 4, p->region);
      bind_bool (partner, 5, p->combiland);
      bind_bool (partner, 6, p->excluded);
      bind_text (partner, 7, p->excluded_reason);
      bind_bool (partner, 8, p->who_ssl);
      bind_text (partner, 9, p->who_ssl_source);
      bind_text (partner, 10, p->has_risk_override ? mp_risk_to_string (p->risk_override) : NULL);
      bind_text (partner, 11, p->risk_override_reason);
      bind_text (partner, 12, p->profile.rationale);
      if (!step_done (db, partner, error))
        return FALSE;

      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        for (guint k = 0; groups[g].names != NULL && groups[g].names[k] != NULL; k++)
          {
            bind_text (group, 1, p->iso3);
            bind_text (group, 2, groups[g].kind);
            sqlite3_bind_int (group, 3, (int) k);
            bind_text (group, 4, groups[g].names[k]);
            if (!step_done (db, group, error))
              return FALSE;
          }

      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          const MpValue *v = &p->ind[k];

          /* A missing value without a note needs no row. */
          if (isnan (v->value) && v->year == 0 && v->source == NULL)
            continue;
          bind_text (indicator, 1, p->iso3);
          bind_text (indicator, 2, mp_indicator_to_string (k));
          bind_real (indicator, 3, v->value);
          sqlite3_bind_int (indicator, 4, v->year);
          bind_text (indicator, 5, v->source);
          if (!step_done (db, indicator, error))
            return FALSE;
        }

      for (int k = 0; k < MP_N_INTERESTS; k++)
        {
          bind_text (interest, 1, p->iso3);
          bind_text (interest, 2, mp_interest_to_string (k));
          bind_real (interest, 3, p->profile.weights[k]);
          bind_real (interest, 4, p->profile.scales[k]);
          if (!step_done (db, interest, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < ref->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (ref->sectors, i);

      bind_text (sector, 1, s->code);
      sqlite3_bind_int (sector, 2, (int) i);
      bind_text (sector, 3, s->name);
      bind_text (sector, 4, s->sbi);
      sqlite3_bind_int (sector, 5, s->eqf);
      bind_text (sector, 6, mp_demand_to_string (s->demand));
      bind_bool (sector, 7, s->health);
      bind_real (sector, 8, s->vacancies.value);
      sqlite3_bind_int (sector, 9, s->vacancies.year);
      bind_text (sector, 10, s->vacancies.source);
      bind_real (sector, 11, s->wage_month.value);
      sqlite3_bind_int (sector, 12, s->wage_month.year);
      bind_text (sector, 13, s->wage_month.source);
      if (!step_done (db, sector, error))
        return FALSE;
    }

  return TRUE;
}

static MpReference *
read_reference_rows (sqlite3   *db,
                     gboolean   lenient,
                     GError   **error)
{
  g_autoptr(MpReference) ref = mp_reference_new ();
  g_autoptr(GHashTable) by_iso3 = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(GHashTable) frames = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean failed = FALSE;

  if (!(stmt = prepare (db, "SELECT vintage FROM reference_info WHERE id = 1", error)))
    return NULL;
  if (step_row (db, stmt, &failed, error))
    ref->vintage = column_text (stmt, 0);
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db,
                        "SELECT iso3, name, region, combiland, excluded, excluded_reason, who_ssl, "
                        "who_ssl_source, risk_override, risk_override_reason, profile_rationale "
                        "FROM partner ORDER BY position, iso3", error)))
    return NULL;
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = column_text (stmt, 0);
      g_autofree char *name = column_text (stmt, 1);
      g_autofree char *risk = column_text (stmt, 8);
      MpPartner *p = mp_partner_new (iso3, name);

      g_ptr_array_add (ref->partners, p);
      p->region = column_text (stmt, 2);
      p->combiland = column_bool (stmt, 3);
      p->excluded = column_bool (stmt, 4);
      p->excluded_reason = column_text (stmt, 5);
      p->who_ssl = column_bool (stmt, 6);
      p->who_ssl_source = column_text (stmt, 7);
      if (risk != NULL)
        {
          p->has_risk_override = TRUE;
          if (!mp_risk_from_string (risk, &p->risk_override))
            {
              set_invalid_enum (error, _("risk class"), risk);
              return NULL;
            }
        }
      p->risk_override_reason = column_text (stmt, 9);
      p->profile.rationale = column_text (stmt, 10);
      if (p->iso3 != NULL)
        g_hash_table_insert (by_iso3, p->iso3, p);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Memberships and frameworks: collected per partner in order. */
  members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strv_builder_unref);
  frames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strv_builder_unref);
  if (!(stmt = prepare (db,
                        "SELECT iso3, kind, name FROM partner_group ORDER BY iso3, kind, position",
                        error)))
    return NULL;
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = column_text (stmt, 0);
      g_autofree char *kind = column_text (stmt, 1);
      g_autofree char *name = column_text (stmt, 2);
      GHashTable *table = g_strcmp0 (kind, "framework") == 0 ? frames : members;
      GStrvBuilder *builder;

      if (iso3 == NULL || name == NULL)
        continue;
      builder = g_hash_table_lookup (table, iso3);
      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (table, g_strdup (iso3), builder);
        }
      g_strv_builder_add (builder, name);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ref->partners->len; i++)
    {
      MpPartner *p = g_ptr_array_index (ref->partners, i);
      GStrvBuilder *b;

      if (p->iso3 == NULL)
        continue;
      if ((b = g_hash_table_lookup (members, p->iso3)) != NULL)
        {
          g_strfreev (p->memberships);
          p->memberships = g_strv_builder_end (b);
        }
      if ((b = g_hash_table_lookup (frames, p->iso3)) != NULL)
        {
          g_strfreev (p->frameworks);
          p->frameworks = g_strv_builder_end (b);
        }
    }

  if (!(stmt = prepare (db, "SELECT iso3, indicator, value, year, source FROM partner_indicator",
                        error)))
    return NULL;
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = column_text (stmt, 0);
      g_autofree char *key = column_text (stmt, 1);
      MpPartner *p = iso3 != NULL ? g_hash_table_lookup (by_iso3, iso3) : NULL;
      MpIndicator ind;

      if (p == NULL)
        continue;
      if (key == NULL || !mp_indicator_from_string (key, &ind))
        {
          if (lenient)
            continue;
          set_invalid_enum (error, _("indicator"), key);
          return NULL;
        }
      p->ind[ind].value = column_real (stmt, 2);
      if (!column_int (stmt, 3, &p->ind[ind].year, error))
        return NULL;
      g_free (p->ind[ind].source);
      p->ind[ind].source = column_text (stmt, 4);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db, "SELECT iso3, interest, weight, scale FROM partner_interest", error)))
    return NULL;
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = column_text (stmt, 0);
      g_autofree char *key = column_text (stmt, 1);
      MpPartner *p = iso3 != NULL ? g_hash_table_lookup (by_iso3, iso3) : NULL;
      MpInterest interest;

      if (p == NULL)
        continue;
      if (key == NULL || !mp_interest_from_string (key, &interest))
        {
          if (lenient)
            continue;
          set_invalid_enum (error, _("interest"), key);
          return NULL;
        }
      p->profile.weights[interest] = column_real (stmt, 2);
      p->profile.scales[interest] = column_real (stmt, 3);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db,
                        "SELECT code, name, sbi, eqf, demand, health, vacancies, vacancies_year, "
                        "vacancies_source, wage_month, wage_month_year, wage_month_source "
                        "FROM sector ORDER BY position, code", error)))
    return NULL;
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *code = column_text (stmt, 0);
      g_autofree char *name = column_text (stmt, 1);
      g_autofree char *demand = column_text (stmt, 4);
      MpSector *s = mp_sector_new (code, name);

      g_ptr_array_add (ref->sectors, s);
      s->sbi = column_text (stmt, 2);
      if (!column_int (stmt, 3, &s->eqf, error))
        return NULL;
      if (demand == NULL || !mp_demand_from_string (demand, &s->demand))
        {
          set_invalid_enum (error, _("demand type"), demand);
          return NULL;
        }
      s->health = column_bool (stmt, 5);
      s->vacancies.value = column_real (stmt, 6);
      if (!column_int (stmt, 7, &s->vacancies.year, error))
        return NULL;
      s->vacancies.source = column_text (stmt, 8);
      s->wage_month.value = column_real (stmt, 9);
      if (!column_int (stmt, 10, &s->wage_month.year, error))
        return NULL;
      s->wage_month.source = column_text (stmt, 11);
    }
  if (failed)
    return NULL;

  if (!_mp_document_validate_reference (ref, error))
    return NULL;

  return g_steal_pointer (&ref);
}

/* ---- Package rows ------------------------------------------------------ */

static gboolean
delete_package_children (sqlite3  *db,
                         gint64    id,
                         GError  **error)
{
  static const char * const tables[] = {
    "package_partner", "scheme", "offer", "ask", "tranche", "assumption", "package_weight",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE package_id = ?1", tables[i]);
      g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_package_children (sqlite3          *db,
                         gint64            id,
                         const MpPackage  *p,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) partner = NULL;
  g_autoptr(sqlite3_stmt) scheme = NULL;
  g_autoptr(sqlite3_stmt) offer = NULL;
  g_autoptr(sqlite3_stmt) ask = NULL;
  g_autoptr(sqlite3_stmt) tranche = NULL;
  g_autoptr(sqlite3_stmt) assumption = NULL;
  g_autoptr(sqlite3_stmt) weight = NULL;

  if (!(partner = prepare (db,
                           "INSERT INTO package_partner (package_id, position, iso3) VALUES (?1, ?2, ?3)",
                           error)) ||
      !(scheme = prepare (db,
                          "INSERT INTO scheme (package_id, position, name, kind, partner, sector, quota, "
                          "first_year, intake_years, months, stays, mandatory_return, training_months, "
                          "home_track_ratio, cost_per_participant, employer_share, recruitment_fees, "
                          "language_support, complaints_channel, reintegration_support, "
                          "g2g_health_support, return_incentives) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
                          error)) ||
      !(offer = prepare (db,
                         "INSERT INTO offer (package_id, position, kind, partner, sector, amount, jobs, "
                         "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)) ||
      !(ask = prepare (db,
                       "INSERT INTO ask (package_id, position, kind, partner, returns_low, returns_mode, "
                       "returns_high, level, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)) ||
      !(tranche = prepare (db,
                           "INSERT INTO tranche (package_id, position, label, scheme, release_year, "
                           "extra_quota, condition) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)) ||
      !(assumption = prepare (db,
                              "INSERT INTO assumption (package_id, position, key, low, mode, high) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) ||
      !(weight = prepare (db,
                          "INSERT INTO package_weight (package_id, kind, component, weight, scale) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return FALSE;

  for (guint i = 0; p->partners != NULL && p->partners[i] != NULL; i++)
    {
      sqlite3_bind_int64 (partner, 1, id);
      sqlite3_bind_int (partner, 2, (int) i);
      bind_text (partner, 3, p->partners[i]);
      if (!step_done (db, partner, error))
        return FALSE;
    }

  for (guint i = 0; i < p->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (p->schemes, i);

      sqlite3_bind_int64 (scheme, 1, id);
      sqlite3_bind_int (scheme, 2, (int) i);
      bind_text (scheme, 3, s->name);
      bind_text (scheme, 4, mp_scheme_kind_to_string (s->kind));
      bind_text (scheme, 5, s->partner);
      bind_text (scheme, 6, s->sector);
      bind_real (scheme, 7, s->quota);
      sqlite3_bind_int (scheme, 8, s->first_year);
      sqlite3_bind_int (scheme, 9, s->intake_years);
      sqlite3_bind_int (scheme, 10, s->months);
      sqlite3_bind_int (scheme, 11, s->stays);
      bind_bool (scheme, 12, s->mandatory_return);
      bind_real (scheme, 13, s->training_months);
      bind_real (scheme, 14, s->home_track_ratio);
      bind_real (scheme, 15, s->cost_per_participant);
      bind_real (scheme, 16, s->employer_share);
      bind_real (scheme, 17, s->recruitment_fees);
      bind_bool (scheme, 18, s->language_support);
      bind_bool (scheme, 19, s->complaints_channel);
      bind_bool (scheme, 20, s->reintegration_support);
      bind_bool (scheme, 21, s->g2g_health_support);
      bind_bool (scheme, 22, s->return_incentives);
      if (!step_done (db, scheme, error))
        return FALSE;
    }

  for (guint i = 0; i < p->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (p->offers, i);

      sqlite3_bind_int64 (offer, 1, id);
      sqlite3_bind_int (offer, 2, (int) i);
      bind_text (offer, 3, mp_offer_kind_to_string (o->kind));
      bind_text (offer, 4, o->partner);
      bind_text (offer, 5, o->sector);
      bind_real (offer, 6, o->amount);
      bind_real (offer, 7, o->jobs);
      bind_text (offer, 8, o->note);
      if (!step_done (db, offer, error))
        return FALSE;
    }

  for (guint i = 0; i < p->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (p->asks, i);

      sqlite3_bind_int64 (ask, 1, id);
      sqlite3_bind_int (ask, 2, (int) i);
      bind_text (ask, 3, mp_ask_kind_to_string (a->kind));
      bind_text (ask, 4, a->partner);
      bind_real (ask, 5, a->returns_low);
      bind_real (ask, 6, a->returns_mode);
      bind_real (ask, 7, a->returns_high);
      sqlite3_bind_int (ask, 8, a->level);
      bind_text (ask, 9, a->note);
      if (!step_done (db, ask, error))
        return FALSE;
    }

  for (guint i = 0; i < p->tranches->len; i++)
    {
      const MpTranche *t = g_ptr_array_index (p->tranches, i);

      sqlite3_bind_int64 (tranche, 1, id);
      sqlite3_bind_int (tranche, 2, (int) i);
      bind_text (tranche, 3, t->label);
      bind_text (tranche, 4, t->scheme);
      sqlite3_bind_int (tranche, 5, t->release_year);
      bind_real (tranche, 6, t->extra_quota);
      bind_text (tranche, 7, mp_ask_kind_to_string (t->condition));
      if (!step_done (db, tranche, error))
        return FALSE;
    }

  for (guint i = 0; i < p->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (p->assumptions, i);

      sqlite3_bind_int64 (assumption, 1, id);
      sqlite3_bind_int (assumption, 2, (int) i);
      bind_text (assumption, 3, a->key);
      bind_real (assumption, 4, a->low);
      bind_real (assumption, 5, a->mode);
      bind_real (assumption, 6, a->high);
      if (!step_done (db, assumption, error))
        return FALSE;
    }

  for (int i = 0; i < MP_N_INTERESTS; i++)
    {
      sqlite3_bind_int64 (weight, 1, id);
      bind_text (weight, 2, "interest");
      bind_text (weight, 3, mp_interest_to_string (i));
      bind_real (weight, 4, p->interest_weights[i]);
      bind_real (weight, 5, p->interest_scales[i]);
      if (!step_done (db, weight, error))
        return FALSE;
    }
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    {
      sqlite3_bind_int64 (weight, 1, id);
      bind_text (weight, 2, "nl");
      bind_text (weight, 3, mp_nl_component_to_string (i));
      bind_real (weight, 4, p->nl_weights[i]);
      sqlite3_bind_null (weight, 5);
      if (!step_done (db, weight, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
package_exists (sqlite3  *db,
                gint64    id,
                gboolean *exists,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "SELECT 1 FROM package WHERE id = ?1", error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  *exists = step_row (db, stmt, &failed, error);
  return !failed;
}

/* Writes @p as package @id at @position (inserting or replacing it).  With
 * @header_only the child rows are known to be unchanged and are kept. */
static gboolean
write_package_rows (sqlite3          *db,
                    gint64            id,
                    gint64            position,
                    const MpPackage  *p,
                    gboolean          header_only,
                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean exists = FALSE;

  if (!package_exists (db, id, &exists, error))
    return FALSE;

  if (exists)
    stmt = prepare (db,
                    "UPDATE package SET name = ?2, description = ?3, start_year = ?4, horizon = ?5, "
                    "draws = ?6, seed = ?7, position = ?8, modified = ?9 WHERE id = ?1", error);
  else
    stmt = prepare (db,
                    "INSERT INTO package (id, name, description, start_year, horizon, draws, seed, "
                    "position, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, p->name);
  bind_text (stmt, 3, p->description);
  sqlite3_bind_int (stmt, 4, p->start_year);
  sqlite3_bind_int (stmt, 5, p->horizon);
  sqlite3_bind_int64 (stmt, 6, p->draws);
  sqlite3_bind_int64 (stmt, 7, (sqlite3_int64) p->seed);
  sqlite3_bind_int64 (stmt, 8, position);
  sqlite3_bind_int64 (stmt, 9, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (db, stmt, error))
    return FALSE;

  if (exists && header_only)
    return TRUE;
  if (exists && !delete_package_children (db, id, error))
    return FALSE;
  return insert_package_children (db, id, p, error);
}

/* Reads package @id from its rows, without validation.  *@position_out gets
 * its position.  NULL without an error: no such package. */
static MpPackage *
read_package_rows (sqlite3   *db,
                   gint64     id,
                   gint64    *position_out,
                   GError   **error)
{
  g_autoptr(MpPackage) p = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) partners = g_strv_builder_new ();
  gboolean failed = FALSE;
  sqlite3_int64 draws;

  if (!(stmt = prepare (db,
                        "SELECT name, description, start_year, horizon, draws, seed, position "
                        "FROM package WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (db, stmt, &failed, error))
    return NULL;

  {
    g_autofree char *name = column_text (stmt, 0);

    p = mp_package_new (name);
  }
  p->description = column_text (stmt, 1);
  if (!column_int (stmt, 2, &p->start_year, error) ||
      !column_int (stmt, 3, &p->horizon, error))
    return NULL;
  draws = sqlite3_column_int64 (stmt, 4);
  if (draws < 0 || draws > G_MAXUINT)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The document holds an out-of-range number of draws."));
      return NULL;
    }
  p->draws = (guint) draws;
  p->seed = (guint64) sqlite3_column_int64 (stmt, 5);
  if (position_out != NULL)
    *position_out = sqlite3_column_int64 (stmt, 6);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db, "SELECT iso3 FROM package_partner WHERE package_id = ?1 ORDER BY position",
                        error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *iso3 = column_text (stmt, 0);

      if (iso3 != NULL)
        g_strv_builder_add (partners, iso3);
    }
  if (failed)
    return NULL;
  g_strfreev (p->partners);
  p->partners = g_strv_builder_end (partners);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db,
                        "SELECT name, kind, partner, sector, quota, first_year, intake_years, months, "
                        "stays, mandatory_return, training_months, home_track_ratio, "
                        "cost_per_participant, employer_share, recruitment_fees, language_support, "
                        "complaints_channel, reintegration_support, g2g_health_support, "
                        "return_incentives FROM scheme WHERE package_id = ?1 ORDER BY position",
                        error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (step_row (db, stmt, &failed, error))
    {
      MpScheme *s = mp_scheme_new ();
      g_autofree char *kind = column_text (stmt, 1);

      g_ptr_array_add (p->schemes, s);
      s->name = column_text (stmt, 0);
      if (kind == NULL || !mp_scheme_kind_from_string (kind, &s->kind))
        {
          set_invalid_enum (error, _("scheme kind"), kind);
          return NULL;
        }
      s->partner = column_text (stmt, 2);
      s->sector = column_text (stmt, 3);
      s->quota = column_real (stmt, 4);
      if (!column_int (stmt, 5, &s->first_year, error) ||
          !column_int (stmt, 6, &s->intake_years, error) ||
          !column_int (stmt, 7, &s->months, error) ||
          !column_int (stmt, 8, &s->stays, error))
        return NULL;
      s->mandatory_return = column_bool (stmt, 9);
      s->training_months = column_real (stmt, 10);
      s->home_track_ratio = column_real (stmt, 11);
      s->cost_per_participant = column_real (stmt, 12);
      s->employer_share = column_real (stmt, 13);
      s->recruitment_fees = column_real (stmt, 14);
      s->language_support = column_bool (stmt, 15);
      s->complaints_channel = column_bool (stmt, 16);
      s->reintegration_support = column_bool (stmt, 17);
      s->g2g_health_support = column_bool (stmt, 18);
      s->return_incentives = column_bool (stmt, 19);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db,
                        "SELECT kind, partner, sector, amount, jobs, note FROM offer "
                        "WHERE package_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (step_row (db, stmt, &failed, error))
    {
      MpOffer *o = mp_offer_new ();
      g_autofree char *kind = column_text (stmt, 0);

      g_ptr_array_add (p->offers, o);
      if (kind == NULL || !mp_offer_kind_from_string (kind, &o->kind))
        {
          set_invalid_enum (error, _("offer kind"), kind);
          return NULL;
        }
      o->partner = column_text (stmt, 1);
      o->sector = column_text (stmt, 2);
      o->amount = column_real (stmt, 3);
      o->jobs = column_real (stmt, 4);
      o->note = column_text (stmt, 5);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db,
                        "SELECT kind, partner, returns_low, returns_mode, returns_high, level, note "
                        "FROM ask WHERE package_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (step_row (db, stmt, &failed, error))
    {
      MpAsk *a = mp_ask_new ();
      g_autofree char *kind = column_text (stmt, 0);

      g_ptr_array_add (p->asks, a);
      if (kind == NULL || !mp_ask_kind_from_string (kind, &a->kind))
        {
          set_invalid_enum (error, _("ask kind"), kind);
          return NULL;
        }
      a->partner = column_text (stmt, 1);
      a->returns_low = column_real (stmt, 2);
      a->returns_mode = column_real (stmt, 3);
      a->returns_high = column_real (stmt, 4);
      if (!column_int (stmt, 5, &a->level, error))
        return NULL;
      a->note = column_text (stmt, 6);
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db,
                        "SELECT label, scheme, release_year, extra_quota, condition FROM tranche "
                        "WHERE package_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (step_row (db, stmt, &failed, error))
    {
      MpTranche *t = mp_tranche_new ();
      g_autofree char *condition = column_text (stmt, 4);

      g_ptr_array_add (p->tranches, t);
      t->label = column_text (stmt, 0);
      t->scheme = column_text (stmt, 1);
      if (!column_int (stmt, 2, &t->release_year, error))
        return NULL;
      t->extra_quota = column_real (stmt, 3);
      if (condition == NULL || !mp_ask_kind_from_string (condition, &t->condition))
        {
          set_invalid_enum (error, _("tranche condition"), condition);
          return NULL;
        }
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db,
                        "SELECT key, low, mode, high FROM assumption WHERE package_id = ?1 "
                        "ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *key = column_text (stmt, 0);

      g_ptr_array_add (p->assumptions,
                       mp_assumption_new (key, column_real (stmt, 1), column_real (stmt, 2),
                                          column_real (stmt, 3)));
    }
  if (failed)
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (db,
                        "SELECT kind, component, weight, scale FROM package_weight "
                        "WHERE package_id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *kind = column_text (stmt, 0);
      g_autofree char *component = column_text (stmt, 1);
      MpInterest interest;
      MpNlComponent nl;

      if (g_strcmp0 (kind, "interest") == 0 && component != NULL &&
          mp_interest_from_string (component, &interest))
        {
          p->interest_weights[interest] = column_real (stmt, 2);
          p->interest_scales[interest] = column_real (stmt, 3);
        }
      else if (g_strcmp0 (kind, "nl") == 0 && component != NULL &&
               mp_nl_component_from_string (component, &nl))
        {
          p->nl_weights[nl] = column_real (stmt, 2);
        }
      else
        {
          set_invalid_enum (error, _("weight"), component);
          return NULL;
        }
    }
  if (failed)
    return NULL;

  return g_steal_pointer (&p);
}

/* ---- Snapshots --------------------------------------------------------- */

static GVariant *
package_to_variant (const MpPackage *p)
{
  GVariantBuilder b;
  const char * const empty[] = { NULL };

  g_variant_builder_init (&b, G_VARIANT_TYPE (PACKAGE_T));
  g_variant_builder_add (&b, "ms", p->name);
  g_variant_builder_add (&b, "ms", p->description);
  g_variant_builder_add (&b, "^as", p->partners != NULL ? (const char * const *) p->partners : empty);
  g_variant_builder_add (&b, "i", p->start_year);
  g_variant_builder_add (&b, "i", p->horizon);
  g_variant_builder_add (&b, "u", p->draws);
  g_variant_builder_add (&b, "t", p->seed);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" SCHEME_T));
  for (guint i = 0; i < p->schemes->len; i++)
    {
      const MpScheme *s = g_ptr_array_index (p->schemes, i);

      g_variant_builder_add (&b, SCHEME_T, s->name, mp_scheme_kind_to_string (s->kind),
                             s->partner, s->sector, s->quota, s->first_year, s->intake_years,
                             s->months, s->stays, !!s->mandatory_return, s->training_months,
                             s->home_track_ratio, s->cost_per_participant, s->employer_share,
                             s->recruitment_fees, !!s->language_support, !!s->complaints_channel,
                             !!s->reintegration_support, !!s->g2g_health_support,
                             !!s->return_incentives);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" OFFER_T));
  for (guint i = 0; i < p->offers->len; i++)
    {
      const MpOffer *o = g_ptr_array_index (p->offers, i);

      g_variant_builder_add (&b, OFFER_T, mp_offer_kind_to_string (o->kind), o->partner,
                             o->sector, o->amount, o->jobs, o->note);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" ASK_T));
  for (guint i = 0; i < p->asks->len; i++)
    {
      const MpAsk *a = g_ptr_array_index (p->asks, i);

      g_variant_builder_add (&b, ASK_T, mp_ask_kind_to_string (a->kind), a->partner,
                             a->returns_low, a->returns_mode, a->returns_high, a->level, a->note);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" TRANCHE_T));
  for (guint i = 0; i < p->tranches->len; i++)
    {
      const MpTranche *t = g_ptr_array_index (p->tranches, i);

      g_variant_builder_add (&b, TRANCHE_T, t->label, t->scheme, t->release_year,
                             t->extra_quota, mp_ask_kind_to_string (t->condition));
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" ASSUMPTION_T));
  for (guint i = 0; i < p->assumptions->len; i++)
    {
      const MpAssumption *a = g_ptr_array_index (p->assumptions, i);

      g_variant_builder_add (&b, ASSUMPTION_T, a->key != NULL ? a->key : "", a->low, a->mode, a->high);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sdd)"));
  for (int i = 0; i < MP_N_INTERESTS; i++)
    g_variant_builder_add (&b, "(sdd)", mp_interest_to_string (i),
                           p->interest_weights[i], p->interest_scales[i]);
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sd)"));
  for (int i = 0; i < MP_N_NL_COMPONENTS; i++)
    g_variant_builder_add (&b, "(sd)", mp_nl_component_to_string (i), p->nl_weights[i]);
  g_variant_builder_close (&b);

  return g_variant_ref_sink (g_variant_builder_end (&b));
}

static MpPackage *
package_from_variant (GVariant  *v,
                      GError   **error)
{
  g_autoptr(MpPackage) p = NULL;
  g_autoptr(GVariantIter) schemes = NULL;
  g_autoptr(GVariantIter) offers = NULL;
  g_autoptr(GVariantIter) asks = NULL;
  g_autoptr(GVariantIter) tranches = NULL;
  g_autoptr(GVariantIter) assumptions = NULL;
  g_autoptr(GVariantIter) interests = NULL;
  g_autoptr(GVariantIter) nl = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) partners = NULL;
  int start_year, horizon;
  guint32 draws;
  guint64 seed;
  const char *kind;
  const char *key;
  double w, s;

  if (!g_variant_is_of_type (v, G_VARIANT_TYPE (PACKAGE_T)))
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The undo history of the document is damaged."));
      return NULL;
    }

  g_variant_get (v, PACKAGE_GET, &name, &description, &partners, &start_year, &horizon,
                 &draws, &seed, &schemes, &offers, &asks, &tranches, &assumptions,
                 &interests, &nl);

  p = mp_package_new (name);
  p->description = g_steal_pointer (&description);
  g_strfreev (p->partners);
  p->partners = g_steal_pointer (&partners);
  p->start_year = start_year;
  p->horizon = horizon;
  p->draws = draws;
  p->seed = seed;

  {
    char *sname, *partner, *sector;
    double quota, training, ratio, cost, share, fees;
    int first_year, intake_years, months, stays;
    gboolean mandatory, lang, compl, reint, g2g, incent;

    while (g_variant_iter_next (schemes, SCHEME_GET, &sname, &kind, &partner, &sector, &quota,
                                &first_year, &intake_years, &months, &stays, &mandatory,
                                &training, &ratio, &cost, &share, &fees, &lang, &compl,
                                &reint, &g2g, &incent))
      {
        MpScheme *sc = mp_scheme_new ();

        g_ptr_array_add (p->schemes, sc);
        sc->name = sname;
        sc->partner = partner;
        sc->sector = sector;
        if (!mp_scheme_kind_from_string (kind, &sc->kind))
          {
            set_invalid_enum (error, _("scheme kind"), kind);
            return NULL;
          }
        sc->quota = quota;
        sc->first_year = first_year;
        sc->intake_years = intake_years;
        sc->months = months;
        sc->stays = stays;
        sc->mandatory_return = mandatory;
        sc->training_months = training;
        sc->home_track_ratio = ratio;
        sc->cost_per_participant = cost;
        sc->employer_share = share;
        sc->recruitment_fees = fees;
        sc->language_support = lang;
        sc->complaints_channel = compl;
        sc->reintegration_support = reint;
        sc->g2g_health_support = g2g;
        sc->return_incentives = incent;
      }
  }

  {
    char *partner, *sector, *note;
    double amount, jobs;

    while (g_variant_iter_next (offers, OFFER_GET, &kind, &partner, &sector, &amount, &jobs, &note))
      {
        MpOffer *o = mp_offer_new ();

        g_ptr_array_add (p->offers, o);
        o->partner = partner;
        o->sector = sector;
        o->note = note;
        o->amount = amount;
        o->jobs = jobs;
        if (!mp_offer_kind_from_string (kind, &o->kind))
          {
            set_invalid_enum (error, _("offer kind"), kind);
            return NULL;
          }
      }
  }

  {
    char *partner, *note;
    double low, mode, high;
    int level;

    while (g_variant_iter_next (asks, ASK_GET, &kind, &partner, &low, &mode, &high, &level, &note))
      {
        MpAsk *a = mp_ask_new ();

        g_ptr_array_add (p->asks, a);
        a->partner = partner;
        a->note = note;
        a->returns_low = low;
        a->returns_mode = mode;
        a->returns_high = high;
        a->level = level;
        if (!mp_ask_kind_from_string (kind, &a->kind))
          {
            set_invalid_enum (error, _("ask kind"), kind);
            return NULL;
          }
      }
  }

  {
    char *label, *scheme;
    int year;
    double extra;

    while (g_variant_iter_next (tranches, TRANCHE_GET, &label, &scheme, &year, &extra, &kind))
      {
        MpTranche *t = mp_tranche_new ();

        g_ptr_array_add (p->tranches, t);
        t->label = label;
        t->scheme = scheme;
        t->release_year = year;
        t->extra_quota = extra;
        if (!mp_ask_kind_from_string (kind, &t->condition))
          {
            set_invalid_enum (error, _("tranche condition"), kind);
            return NULL;
          }
      }
  }

  {
    double low, mode, high;

    while (g_variant_iter_next (assumptions, ASSUMPTION_GET, &key, &low, &mode, &high))
      {
        g_ptr_array_add (p->assumptions, mp_assumption_new (key, low, mode, high));
      }
  }

  while (g_variant_iter_next (interests, "(&sdd)", &key, &w, &s))
    {
      MpInterest i;

      if (!mp_interest_from_string (key, &i))
        {
          set_invalid_enum (error, _("interest"), key);
          return NULL;
        }
      p->interest_weights[i] = w;
      p->interest_scales[i] = s;
    }

  while (g_variant_iter_next (nl, "(&sd)", &key, &w))
    {
      MpNlComponent c;

      if (!mp_nl_component_from_string (key, &c))
        {
          set_invalid_enum (error, _("weight"), key);
          return NULL;
        }
      p->nl_weights[c] = w;
    }

  return g_steal_pointer (&p);
}

static gboolean
package_children_equal (GVariant *a,
                        GVariant *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (package_child_fields); i++)
    {
      g_autoptr(GVariant) ca = g_variant_get_child_value (a, package_child_fields[i]);
      g_autoptr(GVariant) cb = g_variant_get_child_value (b, package_child_fields[i]);

      if (!g_variant_equal (ca, cb))
        return FALSE;
    }
  return TRUE;
}

static void
add_value (GVariantBuilder *b,
           const MpValue   *v)
{
  g_variant_builder_add (b, VALUE_T, v->value, v->year, v->source);
}

static GVariant *
reference_to_variant (const MpReference *ref)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE (REFERENCE_T));
  g_variant_builder_add (&b, "ms", ref->vintage);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" PARTNER_T));
  for (guint i = 0; i < ref->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (ref->partners, i);
      const char * const empty[] = { NULL };

      g_variant_builder_open (&b, G_VARIANT_TYPE (PARTNER_T));
      g_variant_builder_add (&b, "s", p->iso3 != NULL ? p->iso3 : "");
      g_variant_builder_add (&b, "ms", p->name);
      g_variant_builder_add (&b, "ms", p->region);
      g_variant_builder_add (&b, "^as", p->memberships != NULL ? (const char * const *) p->memberships : empty);
      g_variant_builder_add (&b, "^as", p->frameworks != NULL ? (const char * const *) p->frameworks : empty);
      g_variant_builder_add (&b, "b", !!p->combiland);
      g_variant_builder_add (&b, "b", !!p->excluded);
      g_variant_builder_add (&b, "ms", p->excluded_reason);
      g_variant_builder_add (&b, "b", !!p->who_ssl);
      g_variant_builder_add (&b, "ms", p->who_ssl_source);
      g_variant_builder_add (&b, "ms", p->has_risk_override ? mp_risk_to_string (p->risk_override) : NULL);
      g_variant_builder_add (&b, "ms", p->risk_override_reason);
      g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sdims)"));
      for (int k = 0; k < MP_N_INDICATORS; k++)
        {
          const MpValue *v = &p->ind[k];

          if (isnan (v->value) && v->year == 0 && v->source == NULL)
            continue;
          g_variant_builder_add (&b, "(sdims)", mp_indicator_to_string (k), v->value, v->year, v->source);
        }
      g_variant_builder_close (&b);
      g_variant_builder_open (&b, G_VARIANT_TYPE ("a(sdd)"));
      for (int k = 0; k < MP_N_INTERESTS; k++)
        g_variant_builder_add (&b, "(sdd)", mp_interest_to_string (k),
                               p->profile.weights[k], p->profile.scales[k]);
      g_variant_builder_close (&b);
      g_variant_builder_add (&b, "ms", p->profile.rationale);
      g_variant_builder_close (&b);
    }
  g_variant_builder_close (&b);

  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" SECTOR_T));
  for (guint i = 0; i < ref->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (ref->sectors, i);

      g_variant_builder_open (&b, G_VARIANT_TYPE (SECTOR_T));
      g_variant_builder_add (&b, "s", s->code != NULL ? s->code : "");
      g_variant_builder_add (&b, "ms", s->name);
      g_variant_builder_add (&b, "ms", s->sbi);
      g_variant_builder_add (&b, "i", s->eqf);
      g_variant_builder_add (&b, "s", mp_demand_to_string (s->demand));
      g_variant_builder_add (&b, "b", !!s->health);
      add_value (&b, &s->vacancies);
      add_value (&b, &s->wage_month);
      g_variant_builder_close (&b);
    }
  g_variant_builder_close (&b);

  return g_variant_ref_sink (g_variant_builder_end (&b));
}

static MpReference *
reference_from_variant (GVariant  *v,
                        GError   **error)
{
  g_autoptr(MpReference) ref = mp_reference_new ();
  g_autoptr(GVariantIter) partners = NULL;
  g_autoptr(GVariantIter) sectors = NULL;
  GVariant *child;

  if (!g_variant_is_of_type (v, G_VARIANT_TYPE (REFERENCE_T)))
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The undo history of the document is damaged."));
      return NULL;
    }

  g_clear_pointer (&ref->vintage, g_free);
  g_variant_get (v, "(msa" PARTNER_T "a" SECTOR_T ")", &ref->vintage, &partners, &sectors);

  while ((child = g_variant_iter_next_value (partners)) != NULL)
    {
      g_autoptr(GVariant) pv = child;
      g_autoptr(GVariantIter) indicators = NULL;
      g_autoptr(GVariantIter) interests = NULL;
      const char *iso3;
      g_autofree char *name = NULL;
      g_autofree char *risk = NULL;
      MpPartner *p;
      const char *key;
      double value, scale;
      int year;
      char *source;

      g_variant_get_child (pv, 0, "&s", &iso3);
      g_variant_get_child (pv, 1, "ms", &name);
      p = mp_partner_new (iso3, name);
      g_ptr_array_add (ref->partners, p);
      g_strfreev (p->memberships);
      g_strfreev (p->frameworks);
      g_variant_get (pv, PARTNER_GET, NULL, NULL, &p->region, &p->memberships, &p->frameworks,
                     &p->combiland, &p->excluded, &p->excluded_reason, &p->who_ssl,
                     &p->who_ssl_source, &risk, &p->risk_override_reason, &indicators,
                     &interests, &p->profile.rationale);
      if (risk != NULL)
        {
          p->has_risk_override = TRUE;
          if (!mp_risk_from_string (risk, &p->risk_override))
            {
              set_invalid_enum (error, _("risk class"), risk);
              return NULL;
            }
        }
      while (g_variant_iter_next (indicators, "(&sdims)", &key, &value, &year, &source))
        {
          MpIndicator ind;

          if (!mp_indicator_from_string (key, &ind))
            {
              g_free (source);
              set_invalid_enum (error, _("indicator"), key);
              return NULL;
            }
          p->ind[ind].value = value;
          p->ind[ind].year = year;
          g_free (p->ind[ind].source);
          p->ind[ind].source = source;
        }
      while (g_variant_iter_next (interests, "(&sdd)", &key, &value, &scale))
        {
          MpInterest interest;

          if (!mp_interest_from_string (key, &interest))
            {
              set_invalid_enum (error, _("interest"), key);
              return NULL;
            }
          p->profile.weights[interest] = value;
          p->profile.scales[interest] = scale;
        }
    }

  while ((child = g_variant_iter_next_value (sectors)) != NULL)
    {
      g_autoptr(GVariant) sv = child;
      const char *code;
      const char *demand;
      g_autofree char *name = NULL;
      MpSector *s;

      g_variant_get_child (sv, 0, "&s", &code);
      g_variant_get_child (sv, 1, "ms", &name);
      s = mp_sector_new (code, name);
      g_ptr_array_add (ref->sectors, s);
      g_variant_get (sv, SECTOR_GET, NULL, NULL, &s->sbi, &s->eqf, &demand,
                     &s->health, &s->vacancies.value, &s->vacancies.year, &s->vacancies.source,
                     &s->wage_month.value, &s->wage_month.year, &s->wage_month.source);
      if (!mp_demand_from_string (demand, &s->demand))
        {
          set_invalid_enum (error, _("demand type"), demand);
          return NULL;
        }
    }

  if (!_mp_document_validate_reference (ref, error))
    return NULL;
  return g_steal_pointer (&ref);
}

static GVariant *
variant_from_column (sqlite3_stmt       *stmt,
                     int                 i,
                     const GVariantType *type)
{
  const void *data;
  int len;

  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NULL;
  data = sqlite3_column_blob (stmt, i);
  len = sqlite3_column_bytes (stmt, i);
  /* Copied: the column's memory is only valid until the next step.  GVariant
   * never reads outside the data, whatever the bytes (trusted = FALSE). */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (data, (gsize) len);

    return g_variant_ref_sink (g_variant_new_from_bytes (type, bytes, FALSE));
  }
}

static void
bind_variant (sqlite3_stmt *stmt,
              int           i,
              GVariant     *v)
{
  if (v == NULL)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_blob64 (stmt, i, g_variant_get_data (v), g_variant_get_size (v), SQLITE_TRANSIENT);
}

/* ---- Schema checks ----------------------------------------------------- */

/* A database with the schema of @version, as this build makes it. */
static sqlite3 *
build_schema (int      version,
              GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  if (!exec_sql (db, schema_v1, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  for (int v = 1; v < version && v < MP_DOCUMENT_SCHEMA_VERSION; v++)
    if (!exec_sql (db, migrations[v], error))
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
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema",
                                          error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return NULL;
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *type = column_text (stmt, 0);
      g_autofree char *name = column_text (stmt, 1);
      g_autofree char *tbl = column_text (stmt, 2);
      g_autofree char *sql = column_text (stmt, 3);
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
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "SELECT name, type FROM pragma_table_info(?1)", error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, table);
  while (step_row (db, stmt, &failed, error))
    {
      g_autofree char *name = column_text (stmt, 0);
      g_autofree char *type = column_text (stmt, 1);

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
  g_autoptr(sqlite3_stmt) stmt = prepare (db,
                                          "SELECT type, name FROM sqlite_schema "
                                          "WHERE type IN ('trigger', 'view') ORDER BY type, name",
                                          error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (step_row (db, stmt, &failed, error))
    {
      g_autofree char *type = column_text (stmt, 0);
      g_autofree char *name = column_text (stmt, 1);

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

/* Compares the schema of @db with the schema of @version as this build makes
 * it: the same tables, indexes and statements, nothing more.  For a newer
 * version (@exact FALSE) the tables and columns this build reads must be
 * there. */
static gboolean
verify_schema (sqlite3     *db,
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

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  gboolean ok;
  sqlite3_int64 version;
  g_autofree char *set_version = NULL;

  if (!begin (db, error))
    return FALSE;
  /* Read again inside the write transaction: another instance may have
   * migrated the file since it was checked. */
  version = query_int (db, "PRAGMA user_version", &ok, error);
  if (!ok)
    goto fail;
  for (sqlite3_int64 v = version; v >= 1 && v < MP_DOCUMENT_SCHEMA_VERSION; v++)
    if (!exec_sql (db, migrations[v], error))
      goto fail;
  set_version = g_strdup_printf ("PRAGMA user_version = %d", MP_DOCUMENT_SCHEMA_VERSION);
  if (!exec_sql (db, set_version, error))
    goto fail;
  return commit (db, error);

fail:
  rollback (db);
  return FALSE;
}

static void
configure_connection (sqlite3 *db)
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

/* ---- Lock file --------------------------------------------------------- */

typedef enum
{
  LOCK_ACQUIRED,
  LOCK_HELD,
  LOCK_UNAVAILABLE,
} LockResult;

static char *
lock_path_for (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (LOCK_PREFIX, base, LOCK_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The lock file holds "pid\nhost\nuser\n". */
static void
read_holder (int     fd,
             gint64 *pid,
             char  **host,
             char  **user)
{
  char buf[512];
  ssize_t n = pread (fd, buf, sizeof buf - 1, 0);
  g_auto(GStrv) lines = NULL;

  *pid = 0;
  *host = NULL;
  *user = NULL;
  if (n <= 0)
    return;
  buf[n] = '\0';
  lines = g_strsplit (buf, "\n", 4);
  if (lines[0] != NULL)
    *pid = g_ascii_strtoll (lines[0], NULL, 10);
  if (lines[0] != NULL && lines[1] != NULL && g_utf8_validate (lines[1], -1, NULL))
    *host = g_strdup (lines[1]);
  if (lines[0] != NULL && lines[1] != NULL && lines[2] != NULL &&
      g_utf8_validate (lines[2], -1, NULL))
    *user = g_strdup (lines[2]);
}

static char *
describe_holder (const char *user,
                 const char *host)
{
  if (user != NULL && user[0] != '\0' && host != NULL && host[0] != '\0')
    /* Translators: who holds a document open: "user on computer" */
    return g_strdup_printf (_("%s on %s"), user, host);
  return g_strdup (_("unknown user"));
}

static gboolean
pid_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

/* Takes the lock beside @path.  An open file description lock (Linux) is
 * released by the kernel when its holder dies, so a crash never leaves a
 * lock behind; where the file system has no locks, the recorded process is
 * checked instead: a lock of a dead process on this host is stale. */
static LockResult
lock_acquire (const char  *lock_path,
              int         *fd_out,
              char       **holder_out)
{
  for (int attempt = 0; attempt < 10; attempt++)
    {
      struct flock fl = { 0 };
      struct stat st_fd, st_path;
      g_autofree char *content = NULL;
      g_autofree char *host = NULL;
      g_autofree char *user = NULL;
      gboolean take_over = FALSE;
      gint64 pid;
      int fd;

      fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
      if (fd < 0)
        return LOCK_UNAVAILABLE;

      fl.l_type = F_WRLCK;
      fl.l_whence = SEEK_SET;
      fl.l_start = 0;
      fl.l_len = 0;
      if (fcntl (fd, F_OFD_SETLK, &fl) < 0)
        {
          int saved = errno;

          read_holder (fd, &pid, &host, &user);
          if (saved == EAGAIN || saved == EACCES)
            {
              *holder_out = describe_holder (user, host);
              close (fd);
              return LOCK_HELD;
            }
          /* No locking on this file system. */
          if (pid > 0 && pid != getpid () && g_strcmp0 (host, g_get_host_name ()) == 0 &&
              pid_alive (pid))
            {
              *holder_out = describe_holder (user, host);
              close (fd);
              return LOCK_HELD;
            }
          if (pid > 0 && g_strcmp0 (host, g_get_host_name ()) != 0)
            {
              /* Another computer: its process cannot be checked from here. */
              *holder_out = describe_holder (user, host);
              close (fd);
              return LOCK_HELD;
            }
          take_over = TRUE;
        }

      /* The holder before us may have removed the file between our open and
       * our lock: then we locked a file nobody else will find. */
      if (fstat (fd, &st_fd) < 0 || g_lstat (lock_path, &st_path) < 0 ||
          st_fd.st_ino != st_path.st_ino || st_fd.st_dev != st_path.st_dev)
        {
          close (fd);
          continue;
        }

      /* The record only serves the notice others show and file systems
       * without locks; if it cannot be written, the lock is still ours. */
      content = g_strdup_printf ("%d\n%s\n%s\n", (int) getpid (), g_get_host_name (),
                                 g_get_user_name ());
      if (ftruncate (fd, 0) == 0 && pwrite (fd, content, strlen (content), 0) < 0)
        g_debug ("Could not record the holder in %s: %s", lock_path, g_strerror (errno));
      if (take_over)
        g_debug ("Took over the stale lock %s", lock_path);
      *fd_out = fd;
      return LOCK_ACQUIRED;
    }
  return LOCK_UNAVAILABLE;
}

static void
lock_release (const char *lock_path,
              int         fd)
{
  if (fd < 0)
    return;
  /* Remove first, then drop the lock (closing releases it): whoever opens
   * the old file in between notices it was removed (see lock_acquire). */
  g_unlink (lock_path);
  close (fd);
}

/* ---- Opening ----------------------------------------------------------- */

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Checks the 100-byte header of an SQLite file before SQLite sees it. */
static gboolean
check_header (const char  *path,
              const char  *display,
              GError     **error)
{
  guint8 header[100];
  struct stat st;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  ssize_t n;
  guint32 page_size;
  int fd;

  /* O_NONBLOCK: a FIFO named like a document must not block the caller. */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, MP_DOCUMENT_ERROR,
                   saved == ENOENT ? MP_DOCUMENT_ERROR_NOT_FOUND : MP_DOCUMENT_ERROR_FAILED,
                   _("Could not open “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) < 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_SQLITE,
                   _("“%s” is not a Mobility Planner document."), display);
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_SQLITE,
                   _("“%s” is empty: it is not a Mobility Planner document."), display);
      return FALSE;
    }
  if (n < (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_SQLITE,
                   _("“%s” is not a Mobility Planner document (it is not an SQLite database)."),
                   display);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: its header is invalid."), display);
      return FALSE;
    }

  /* Without a write-ahead log the file must hold every page its header
   * counts (the count is valid when the two change counters agree). */
  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      guint64 pages = be32 (header + 28);

      if ((guint64) st.st_size % page_size != 0 ||
          (be32 (header + 24) == be32 (header + 92) && pages * page_size > (guint64) st.st_size))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_CORRUPT,
                       _("“%s” is truncated: part of the file is missing (it may have been "
                         "cut off while copying or downloading)."), display);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_quick (sqlite3     *db,
             const char  *display,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "PRAGMA quick_check(1)", error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (step_row (db, stmt, &failed, error))
    {
      g_autofree char *result = column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_CORRUPT,
                       _("“%s” is damaged (the integrity check reports: %s). It was not opened."),
                       display, result != NULL ? result : "?");
          return FALSE;
        }
      return TRUE;
    }
  if (!failed)
    g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_CORRUPT,
                 _("“%s” is damaged. It was not opened."), display);
  return FALSE;
}

/* Re-labels an SQLite error met while checking a file. */
static void
prefix_open_error (GError     **error,
                   const char  *display)
{
  if (error == NULL || *error == NULL)
    return;
  if (g_error_matches (*error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_SQLITE))
    {
      g_clear_error (error);
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_SQLITE,
                   _("“%s” is not a Mobility Planner document (it is not an SQLite database)."),
                   display);
    }
  else if (g_error_matches (*error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_CORRUPT) &&
           strstr ((*error)->message, display) == NULL)
    {
      g_autofree char *detail = g_strdup ((*error)->message);

      g_clear_error (error);
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened. %s"), display, detail);
    }
}

static void update_history_state (MpDocument *self);

static MpDocument *
open_document (const char           *path,
               MpDocumentOpenFlags   flags,
               GError              **error)
{
  g_autoptr(MpDocument) self = NULL;
  g_autofree char *real = NULL;
  g_autofree char *display = NULL;
  g_autofree char *holder = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_int64 app_id, version;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  if (!check_header (path, display, error))
    return NULL;

  /* One name for the document, its journal and its lock, even through a
   * symbolic link. */
  real = realpath (path, NULL);
  if (real == NULL)
    real = g_canonicalize_filename (path, NULL);

  self = g_object_new (MP_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (real);
  self->lock_path = lock_path_for (real);

  if (flags & MP_DOCUMENT_OPEN_READ_ONLY)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (_("The document was opened read-only."));
    }
  else if (access (real, W_OK) != 0)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup_printf (_("You may not change “%s”; it has been opened "
                                                  "read-only."), display);
    }
  else
    {
      switch (lock_acquire (self->lock_path, &self->lock_fd, &holder))
        {
        case LOCK_ACQUIRED:
          break;
        case LOCK_HELD:
          self->read_only = TRUE;
          self->read_only_reason =
            g_strdup_printf (_("“%s” is already open in Mobility Planner (%s). It has been opened "
                               "read-only; close it there to edit it here."), display, holder);
          break;
        case LOCK_UNAVAILABLE:
        default:
          self->read_only = TRUE;
          self->read_only_reason =
            g_strdup_printf (_("The folder of “%s” is not writable, so the document has been "
                               "opened read-only."), display);
          break;
        }
    }

  rc = sqlite3_open_v2 (real, &self->db,
                        self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      prefix_open_error (error, display);
      return NULL;
    }
  configure_connection (self->db);

  app_id = query_int (self->db, "PRAGMA application_id", &ok, error);
  if (!ok)
    {
      prefix_open_error (error, display);
      return NULL;
    }
  if (app_id != MP_DOCUMENT_APPLICATION_ID)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_FOREIGN,
                   _("“%s” is a database of another application, not a Mobility Planner document."),
                   display);
      return NULL;
    }

  version = query_int (self->db, "PRAGMA user_version", &ok, error);
  if (!ok)
    {
      prefix_open_error (error, display);
      return NULL;
    }
  if (version < 1 || version > G_MAXINT)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no valid format version."), display);
      return NULL;
    }
  self->file_version = (int) version;

  if (version > MP_DOCUMENT_SCHEMA_VERSION)
    {
      if (!(flags & MP_DOCUMENT_OPEN_READ_ONLY))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NEWER_VERSION,
                       _("“%s” was made by a newer version of Mobility Planner (document format "
                         "%d; this version knows formats up to %d). It can be opened read-only."),
                       display, (int) version, MP_DOCUMENT_SCHEMA_VERSION);
          return NULL;
        }
      self->newer = TRUE;
      g_free (self->read_only_reason);
      self->read_only_reason =
        g_strdup_printf (_("“%s” was made by a newer version of Mobility Planner (document format "
                           "%d). It has been opened read-only: update Mobility Planner to edit it."),
                         display, (int) version);
    }

  if (!verify_schema (self->db, self->file_version, !self->newer, display, error) ||
      !check_quick (self->db, display, error))
    {
      prefix_open_error (error, display);
      return NULL;
    }

  if (!self->read_only)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      /* WAL: readers (another instance opening read-only) never block the
       * writer; FULL: a commit is on disk when it returns, even on power
       * loss.  Where WAL is impossible the rollback journal stays. */
      if (!(stmt = prepare (self->db, "PRAGMA journal_mode = WAL", error)))
        return NULL;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc);
          return NULL;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (!exec_sql (self->db, "PRAGMA synchronous = FULL", error))
        return NULL;

      if (self->file_version < MP_DOCUMENT_SCHEMA_VERSION)
        {
          if (!migrate (self->db, error) ||
              !verify_schema (self->db, MP_DOCUMENT_SCHEMA_VERSION, TRUE, display, error))
            return NULL;
        }
    }
  else if (self->file_version < MP_DOCUMENT_SCHEMA_VERSION)
    {
      /* An older document that may not be changed: upgrade a copy in memory. */
      sqlite3 *mem = NULL;
      sqlite3_backup *backup;

      rc = sqlite3_open_v2 (":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
      if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, mem, rc);
          sqlite3_close (mem);
          return NULL;
        }
      configure_connection (mem);
      backup = sqlite3_backup_init (mem, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (mem);
      if (rc != SQLITE_OK || !migrate (mem, error))
        {
          if (rc != SQLITE_OK)
            set_sqlite_error (error, mem, rc);
          sqlite3_close (mem);
          return NULL;
        }
      sqlite3_close (self->db);
      self->db = mem;
    }

  self->reference = read_reference_rows (self->db, self->newer, &local_error);
  if (self->reference == NULL)
    {
      if (g_error_matches (local_error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID))
        g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                     _("“%s” holds invalid reference data and was not opened: %s"),
                     display, local_error->message);
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          prefix_open_error (error, display);
        }
      return NULL;
    }

  update_history_state (self);

  return g_steal_pointer (&self);
}

MpDocument *
mp_document_open (const char           *path,
                  MpDocumentOpenFlags   flags,
                  GError              **error)
{
  MpDocument *self = open_document (path, flags, error);

  if (self == NULL)
    clean_error_message (error);
  return self;
}

/* ---- History ----------------------------------------------------------- */

typedef struct
{
  char     *target;          /* "package" or "reference" */
  gint64    package_id;
  gint64    position;
  GVariant *before;          /* NULL: did not exist */
  GVariant *after;           /* NULL: does not exist */
} Item;

static void
item_free (Item *item)
{
  g_free (item->target);
  g_clear_pointer (&item->before, g_variant_unref);
  g_clear_pointer (&item->after, g_variant_unref);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Item, item_free)

static Item *
item_new (const char *target,
          gint64      package_id,
          gint64      position,
          GVariant   *before,
          GVariant   *after)
{
  Item *item = g_new0 (Item, 1);

  item->target = g_strdup (target);
  item->package_id = package_id;
  item->position = position;
  item->before = before != NULL ? g_variant_ref (before) : NULL;
  item->after = after != NULL ? g_variant_ref (after) : NULL;
  return item;
}

/* A command being carried out: what to record and what to announce. */
typedef struct
{
  GPtrArray   *items;        /* Item* */
  GArray      *emissions;    /* Emission */
  MpReference *reference;    /* the reference after the command, if it changed */
} Command;

static void
command_init (Command *cmd)
{
  cmd->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  cmd->emissions = g_array_new (FALSE, FALSE, sizeof (Emission));
  cmd->reference = NULL;
}

static void
command_clear (Command *cmd)
{
  g_clear_pointer (&cmd->items, g_ptr_array_unref);
  g_clear_pointer (&cmd->emissions, g_array_unref);
  g_clear_pointer (&cmd->reference, mp_reference_free);
}

static void
command_emit (Command          *cmd,
              MpDocumentChange  change,
              gint64            id)
{
  Emission e = { change, id };

  g_array_append_val (cmd->emissions, e);
}

/* The reference packages are checked against while @cmd runs. */
static const MpReference *
command_reference (MpDocument *self,
                   Command    *cmd)
{
  return cmd->reference != NULL ? cmd->reference : self->reference;
}

/* After a successful commit: adopt the new reference, announce. */
static void
command_finish (MpDocument *self,
                Command    *cmd)
{
  /* Copy the committed change from the write-ahead log into the file itself
   * (passive: never waits for readers), so that the .mplan file alone is
   * current even while the document is open, as when it is attached to an
   * e-mail from the file manager.  The commit was durable already. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  if (cmd->reference != NULL)
    {
      mp_reference_free (self->reference);
      self->reference = g_steal_pointer (&cmd->reference);
    }
  update_history_state (self);
  for (guint i = 0; i < cmd->emissions->len; i++)
    {
      const Emission *e = &g_array_index (cmd->emissions, Emission, i);

      g_signal_emit (self, signals[CHANGED], 0, (guint) e->change, e->id);
    }
}

static gboolean
record_step (MpDocument  *self,
             const char  *label,
             GPtrArray   *items,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) step = NULL;
  g_autoptr(sqlite3_stmt) item = NULL;
  g_autofree char *prune = NULL;
  gint64 step_id;

  /* A new command drops what could be redone. */
  if (!exec_sql (self->db,
                 "DELETE FROM history_item WHERE step_id IN "
                 "  (SELECT id FROM history_step WHERE done = 0);"
                 "DELETE FROM history_step WHERE done = 0;", error))
    return FALSE;

  if (!(step = prepare (self->db,
                        "INSERT INTO history_step (label, created, done) VALUES (?1, ?2, 1)",
                        error)))
    return FALSE;
  bind_text (step, 1, label);
  sqlite3_bind_int64 (step, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self->db, step, error))
    return FALSE;
  step_id = sqlite3_last_insert_rowid (self->db);

  if (!(item = prepare (self->db,
                        "INSERT INTO history_item (step_id, position, target, package_id, "
                        "package_position, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        error)))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = g_ptr_array_index (items, i);

      sqlite3_bind_int64 (item, 1, step_id);
      sqlite3_bind_int (item, 2, (int) i);
      bind_text (item, 3, it->target);
      if (g_str_equal (it->target, "package"))
        {
          sqlite3_bind_int64 (item, 4, it->package_id);
          sqlite3_bind_int64 (item, 5, it->position);
        }
      bind_variant (item, 6, it->before);
      bind_variant (item, 7, it->after);
      if (!step_done (self->db, item, error))
        return FALSE;
    }

  /* Keep the newest MP_DOCUMENT_HISTORY_LIMIT steps. */
  prune = g_strdup_printf ("DELETE FROM history_item WHERE step_id <= "
                           "  (SELECT id FROM history_step ORDER BY id DESC LIMIT 1 OFFSET %d);"
                           "DELETE FROM history_step WHERE id <= "
                           "  (SELECT id FROM history_step ORDER BY id DESC LIMIT 1 OFFSET %d);",
                           MP_DOCUMENT_HISTORY_LIMIT, MP_DOCUMENT_HISTORY_LIMIT);
  return exec_sql (self->db, prune, error);
}

static gboolean
delete_package_rows (sqlite3  *db,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!delete_package_children (db, id, error))
    return FALSE;
  if (!(stmt = prepare (db, "DELETE FROM package WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (db, stmt, error);
}

/* Puts the state @state (NULL: absent) of an item in place; @other is the
 * state it replaces, as recorded. */
static gboolean
apply_item (MpDocument  *self,
            Command     *cmd,
            const Item  *item,
            GVariant    *state,
            GVariant    *other,
            GError     **error)
{
  gboolean exists = FALSE;

  if (g_str_equal (item->target, "reference"))
    {
      MpReference *ref;

      if (state == NULL)
        {
          g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                               _("The undo history of the document is damaged."));
          return FALSE;
        }
      if (!(ref = reference_from_variant (state, error)))
        return FALSE;
      g_clear_pointer (&cmd->reference, mp_reference_free);
      cmd->reference = ref;
      if (!write_reference_rows (self->db, ref, error))
        return FALSE;
      command_emit (cmd, MP_DOCUMENT_CHANGE_REFERENCE, 0);
      return TRUE;
    }

  if (!package_exists (self->db, item->package_id, &exists, error))
    return FALSE;

  if (state == NULL)
    {
      if (!exists)
        return TRUE;
      if (!delete_package_rows (self->db, item->package_id, error))
        return FALSE;
      command_emit (cmd, MP_DOCUMENT_CHANGE_PACKAGE_REMOVED, item->package_id);
      return TRUE;
    }
  else
    {
      g_autoptr(MpPackage) package = package_from_variant (state, error);
      gboolean header_only;

      if (package == NULL || !validate_package (command_reference (self, cmd), package, error))
        return FALSE;
      header_only = exists && other != NULL && package_children_equal (state, other);
      if (!write_package_rows (self->db, item->package_id, item->position, package,
                               header_only, error))
        return FALSE;
      command_emit (cmd, exists ? MP_DOCUMENT_CHANGE_PACKAGE_MODIFIED
                                : MP_DOCUMENT_CHANGE_PACKAGE_ADDED, item->package_id);
      return TRUE;
    }
}

static gboolean
check_open (MpDocument  *self,
            GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_FAILED,
                           _("The document is closed."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_writable (MpDocument  *self,
                GError     **error)
{
  if (!check_open (self, error))
    return FALSE;
  if (self->read_only)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_READ_ONLY, "%s",
                   self->read_only_reason != NULL ? self->read_only_reason
                                                  : _("The document is read-only."));
      return FALSE;
    }
  return TRUE;
}

/* Undoes (@forward FALSE) or redoes the next step. */
static gboolean
replay (MpDocument  *self,
        gboolean     forward,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  Command cmd;
  gboolean failed = FALSE;
  gint64 step_id;

  if (!check_writable (self, error))
    return FALSE;
  if (!begin (self->db, error))
    return FALSE;

  command_init (&cmd);
  if (!(stmt = prepare (self->db,
                        forward ? "SELECT id FROM history_step WHERE done = 0 ORDER BY id LIMIT 1"
                                : "SELECT id FROM history_step WHERE done = 1 ORDER BY id DESC LIMIT 1",
                        error)))
    goto fail;
  if (!step_row (self->db, stmt, &failed, error))
    {
      if (!failed)
        g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOTHING_TO_UNDO,
                             forward ? _("There is nothing to redo.") : _("There is nothing to undo."));
      goto fail;
    }
  step_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = prepare (self->db,
                        forward ? "SELECT target, package_id, package_position, before, after "
                                  "FROM history_item WHERE step_id = ?1 ORDER BY position"
                                : "SELECT target, package_id, package_position, before, after "
                                  "FROM history_item WHERE step_id = ?1 ORDER BY position DESC",
                        error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, step_id);
  while (step_row (self->db, stmt, &failed, error))
    {
      g_autofree char *target = column_text (stmt, 0);
      const GVariantType *type;
      Item *item;

      if (g_strcmp0 (target, "reference") == 0)
        type = G_VARIANT_TYPE (REFERENCE_T);
      else if (g_strcmp0 (target, "package") == 0)
        type = G_VARIANT_TYPE (PACKAGE_T);
      else
        {
          g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                               _("The undo history of the document is damaged."));
          goto fail;
        }
      item = g_new0 (Item, 1);
      item->target = g_steal_pointer (&target);
      item->package_id = sqlite3_column_int64 (stmt, 1);
      /* Version 1 did not record positions; the id orders packages then. */
      item->position = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? item->package_id
                                                                     : sqlite3_column_int64 (stmt, 2);
      item->before = variant_from_column (stmt, 3, type);
      item->after = variant_from_column (stmt, 4, type);
      g_ptr_array_add (items, item);
    }
  if (failed)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = g_ptr_array_index (items, i);

      if (!apply_item (self, &cmd, item,
                       forward ? item->after : item->before,
                       forward ? item->before : item->after, error))
        goto fail;
    }

  if (!(stmt = prepare (self->db, "UPDATE history_step SET done = ?2 WHERE id = ?1", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, step_id);
  sqlite3_bind_int (stmt, 2, forward ? 1 : 0);
  if (!step_done (self->db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!commit (self->db, error))
    goto fail;

  command_finish (self, &cmd);
  command_clear (&cmd);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback (self->db);
  command_clear (&cmd);
  return FALSE;
}

static char *
query_label (sqlite3    *db,
             const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, NULL);
  gboolean failed = FALSE;

  if (stmt != NULL && step_row (db, stmt, &failed, NULL))
    {
      char *label = column_text (stmt, 0);

      return label != NULL ? label : g_strdup ("");
    }
  return NULL;
}

static void
update_history_state (MpDocument *self)
{
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  gboolean could_undo = mp_document_can_undo (self);
  gboolean could_redo = mp_document_can_redo (self);

  if (self->db != NULL && !self->read_only)
    {
      undo = query_label (self->db,
                          "SELECT label FROM history_step WHERE done = 1 ORDER BY id DESC LIMIT 1");
      redo = query_label (self->db,
                          "SELECT label FROM history_step WHERE done = 0 ORDER BY id LIMIT 1");
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (undo, self->undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_steal_pointer (&undo);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (redo, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_steal_pointer (&redo);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
  if (could_undo != mp_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != mp_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- GObject ----------------------------------------------------------- */

static void
close_store (MpDocument *self)
{
  if (self->db != NULL)
    {
      if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 0)
        {
          /* Fold the write-ahead log into the file and return to a rollback
           * journal, so the closed document is one self-contained file that
           * can be copied, e-mailed or opened from a read-only medium.  When
           * another instance still reads it, this is skipped (busy) and the
           * last one to close folds the log in. */
          sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
          sqlite3_exec (self->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
        }
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  lock_release (self->lock_path, self->lock_fd);
  self->lock_fd = -1;
}

static void
mp_document_finalize (GObject *object)
{
  MpDocument *self = (MpDocument *) object;

  close_store (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->lock_path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->reference, mp_reference_free);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (mp_document_parent_class)->finalize (object);
}

static void
mp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MpDocument *self = MP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, mp_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, mp_document_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_document_class_init (MpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_document_finalize;
  object_class->get_property = mp_document_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MpDocument::changed:
   * @self: the document
   * @change: an #MpDocumentChange
   * @id: the package concerned, 0 for the reference
   *
   * Emitted after each change is in the file: by an edit, undo or redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
}

static void
mp_document_init (MpDocument *self)
{
  self->lock_fd = -1;
}

/* ---- Public API -------------------------------------------------------- */

void
mp_package_info_free (MpPackageInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->partners);
  g_free (info);
}

const char *
mp_document_get_path (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->path;
}

gboolean
mp_document_is_read_only (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), TRUE);
  return self->read_only;
}

const char *
mp_document_get_read_only_reason (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->read_only ? self->read_only_reason : NULL;
}

int
mp_document_get_file_version (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  return self->file_version;
}

const MpReference *
mp_document_get_reference (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return self->reference;
}

gboolean
mp_document_can_undo (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  return self->db != NULL && !self->read_only && self->undo_label != NULL;
}

gboolean
mp_document_can_redo (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  return self->db != NULL && !self->read_only && self->redo_label != NULL;
}

const char *
mp_document_get_undo_label (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return mp_document_can_undo (self) ? self->undo_label : NULL;
}

const char *
mp_document_get_redo_label (MpDocument *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  return mp_document_can_redo (self) ? self->redo_label : NULL;
}

gboolean
mp_document_undo (MpDocument  *self,
                  GError     **error)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return replay (self, FALSE, error);
}

gboolean
mp_document_redo (MpDocument  *self,
                  GError     **error)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return replay (self, TRUE, error);
}

GPtrArray *
mp_document_list_packages (MpDocument  *self,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean failed = FALSE;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_open (self, error))
    return NULL;
  if (!(stmt = prepare (self->db,
                        "SELECT p.id, p.name, "
                        "  (SELECT group_concat (iso3, ',') FROM "
                        "     (SELECT iso3 FROM package_partner pp WHERE pp.package_id = p.id "
                        "      ORDER BY pp.position)), "
                        "  (SELECT count(*) FROM scheme s WHERE s.package_id = p.id) "
                        "FROM package p ORDER BY p.position, p.id", error)))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_info_free);
  while (step_row (self->db, stmt, &failed, error))
    {
      MpPackageInfo *info = g_new0 (MpPackageInfo, 1);
      sqlite3_int64 n = sqlite3_column_int64 (stmt, 3);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = column_text (stmt, 1);
      if (info->name == NULL)
        info->name = g_strdup ("");
      info->partners = column_text (stmt, 2);
      if (info->partners == NULL)
        info->partners = g_strdup ("");
      info->n_schemes = n < 0 || n > G_MAXUINT ? 0 : (guint) n;
      g_ptr_array_add (list, info);
    }
  if (failed)
    return NULL;
  return g_steal_pointer (&list);
}

gint64
mp_document_find_package (MpDocument *self,
                          const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean failed = FALSE;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (self->db == NULL ||
      !(stmt = prepare (self->db,
                        "SELECT id FROM package WHERE name = ?1 ORDER BY position, id LIMIT 1",
                        NULL)))
    return 0;
  bind_text (stmt, 1, name);
  if (step_row (self->db, stmt, &failed, NULL))
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

static MpPackage *
load_package (MpDocument         *self,
              const MpReference  *reference,
              gint64              id,
              gint64             *position,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(MpPackage) package = read_package_rows (self->db, id, position, &local_error);

  if (package == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_FOUND,
                     _("The document has no package with the number %" PRId64 "."), id);
      return NULL;
    }
  if (!validate_package (reference, package, error))
    return NULL;
  return g_steal_pointer (&package);
}

MpPackage *
mp_document_get_package (MpDocument  *self,
                         gint64       id,
                         GError     **error)
{
  MpPackage *package;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_open (self, error))
    return NULL;
  package = load_package (self, self->reference, id, NULL, error);
  if (package == NULL)
    clean_error_message (error);
  return package;
}

static gboolean
name_taken (MpDocument *self,
            const char *name,
            gint64      except_id,
            gboolean   *taken,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db,
                                          "SELECT 1 FROM package WHERE name = ?1 AND id != ?2",
                                          error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except_id);
  *taken = step_row (self->db, stmt, &failed, error);
  return !failed;
}

/* @base, or "@base (2)", "@base (3)", … whichever is free. */
static char *
unique_name (MpDocument  *self,
             const char  *base,
             GError     **error)
{
  g_autofree char *name = g_strdup (base);

  for (guint n = 2; n < 100000; n++)
    {
      gboolean taken = FALSE;

      if (!name_taken (self, name, 0, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&name);
      g_free (name);
      /* Translators: a package name made unique, e.g. "Morocco care (2)" */
      name = g_strdup_printf (_("%s (%u)"), base, n);
    }
  g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS,
                       _("No free name was found for the package."));
  return NULL;
}

static gboolean
check_name_free (MpDocument  *self,
                 const char  *name,
                 gint64       id,
                 GError     **error)
{
  gboolean taken = FALSE;

  if (!name_taken (self, name, id, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS,
                   _("A package called “%s” exists already."), name);
      return FALSE;
    }
  return TRUE;
}

static gint64
next_position (MpDocument  *self,
               gboolean    *ok,
               GError     **error)
{
  return query_int (self->db, "SELECT coalesce (max (position), 0) + 1 FROM package", ok, error);
}

/* Inserts a new package (validated already) at @position; returns its id. */
static gint64
insert_new_package (MpDocument       *self,
                    Command          *cmd,
                    const MpPackage  *package,
                    gint64            position,
                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GVariant) after = NULL;
  gint64 id;

  /* Reserve the id (AUTOINCREMENT: never reused, so undo can bring a
   * deleted package back under its old id). */
  if (!(stmt = prepare (self->db,
                        "INSERT INTO package (name, start_year, horizon, draws, seed, position) "
                        "VALUES (?1, 0, 0, 0, 0, ?2)", error)))
    return 0;
  bind_text (stmt, 1, package->name);
  sqlite3_bind_int64 (stmt, 2, position);
  if (!step_done (self->db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  if (!write_package_rows (self->db, id, position, package, FALSE, error))
    return 0;

  after = package_to_variant (package);
  g_ptr_array_add (cmd->items, item_new ("package", id, position, NULL, after));
  command_emit (cmd, MP_DOCUMENT_CHANGE_PACKAGE_ADDED, id);
  return id;
}

gint64
mp_document_add_package (MpDocument       *self,
                         const MpPackage  *package,
                         GError          **error)
{
  g_autoptr(MpPackage) copy = NULL;
  g_autofree char *label = NULL;
  Command cmd;
  gboolean ok;
  gint64 position, id;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (package != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_writable (self, error) || !validate_package (self->reference, package, error))
    return 0;
  if (!begin (self->db, error))
    return 0;

  command_init (&cmd);
  copy = mp_package_copy (package);
  g_free (copy->name);
  if (!(copy->name = unique_name (self, package->name, error)))
    goto fail;
  position = next_position (self, &ok, error);
  if (!ok)
    goto fail;
  if (!(id = insert_new_package (self, &cmd, copy, position, error)))
    goto fail;
  label = g_strdup_printf (_("Add package “%s”"), copy->name);
  if (!record_step (self, label, cmd.items, error) || !commit (self->db, error))
    goto fail;

  command_finish (self, &cmd);
  command_clear (&cmd);
  return id;

fail:
  rollback (self->db);
  command_clear (&cmd);
  return 0;
}

gint64
mp_document_duplicate_package (MpDocument  *self,
                               gint64       id,
                               GError     **error)
{
  g_autoptr(MpPackage) package = NULL;
  g_autoptr(sqlite3_stmt) shift = NULL;
  g_autofree char *base = NULL;
  g_autofree char *label = NULL;
  Command cmd;
  gint64 position, new_id;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_writable (self, error) || !begin (self->db, error))
    return 0;

  command_init (&cmd);
  if (!(package = load_package (self, self->reference, id, &position, error)))
    goto fail;

  /* Translators: the name of a duplicated package */
  base = g_strdup_printf (_("%s (copy)"), package->name);
  label = g_strdup_printf (_("Duplicate package “%s”"), package->name);
  g_free (package->name);
  if (!(package->name = unique_name (self, base, error)))
    goto fail;
  if (g_utf8_strlen (package->name, -1) > MP_JSON_MAX_NAME)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The name of the copy would be too long."));
      goto fail;
    }

  /* The copy goes right after its original. */
  if (!(shift = prepare (self->db, "UPDATE package SET position = position + 1 WHERE position > ?1",
                         error)))
    goto fail;
  sqlite3_bind_int64 (shift, 1, position);
  if (!step_done (self->db, shift, error))
    goto fail;

  if (!(new_id = insert_new_package (self, &cmd, package, position + 1, error)))
    goto fail;
  if (!record_step (self, label, cmd.items, error) || !commit (self->db, error))
    goto fail;

  command_finish (self, &cmd);
  command_clear (&cmd);
  return new_id;

fail:
  rollback (self->db);
  command_clear (&cmd);
  return 0;
}

/* Replaces package @id by @new_state as one command. */
static gboolean
replace_package (MpDocument       *self,
                 gint64            id,
                 const MpPackage  *new_state,
                 const char       *label,
                 GError          **error)
{
  g_autoptr(MpPackage) current = NULL;
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  Command cmd;
  gint64 position;

  if (!check_writable (self, error) || !validate_package (self->reference, new_state, error))
    return FALSE;
  if (!begin (self->db, error))
    return FALSE;

  command_init (&cmd);
  if (!(current = load_package (self, self->reference, id, &position, error)) ||
      !check_name_free (self, new_state->name, id, error))
    goto fail;

  before = package_to_variant (current);
  after = package_to_variant (new_state);
  if (!write_package_rows (self->db, id, position, new_state,
                           package_children_equal (before, after), error))
    goto fail;
  g_ptr_array_add (cmd.items, item_new ("package", id, position, before, after));
  command_emit (&cmd, MP_DOCUMENT_CHANGE_PACKAGE_MODIFIED, id);
  if (!record_step (self, label, cmd.items, error) || !commit (self->db, error))
    goto fail;

  command_finish (self, &cmd);
  command_clear (&cmd);
  return TRUE;

fail:
  rollback (self->db);
  command_clear (&cmd);
  return FALSE;
}

gboolean
mp_document_rename_package (MpDocument  *self,
                            gint64       id,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(MpPackage) package = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error) ||
      !(package = load_package (self, self->reference, id, NULL, error)))
    return FALSE;
  label = g_strdup_printf (_("Rename package “%s”"), package->name);
  g_free (package->name);
  package->name = g_strdup (name);
  return replace_package (self, id, package, label, error);
}

gboolean
mp_document_update_package (MpDocument       *self,
                            gint64            id,
                            const MpPackage  *new_state,
                            const char       *label,
                            GError          **error)
{
  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (new_state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return replace_package (self, id, new_state, label != NULL ? label : _("Edit package"), error);
}

gboolean
mp_document_delete_package (MpDocument  *self,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(GVariant) before = NULL;
  g_autofree char *label = NULL;
  MpPackage *package;
  Command cmd;
  gint64 position;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !begin (self->db, error))
    return FALSE;

  command_init (&cmd);
  /* Read without validation: a package that no longer validates (say, after
   * a reference update) can still be deleted, and undone. */
  package = read_package_rows (self->db, id, &position, error);
  if (package == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_FOUND,
                     _("The document has no package with the number %" PRId64 "."), id);
      goto fail;
    }
  before = package_to_variant (package);
  label = g_strdup_printf (_("Delete package “%s”"), package->name != NULL ? package->name : "");
  mp_package_free (package);

  if (!delete_package_rows (self->db, id, error))
    goto fail;
  g_ptr_array_add (cmd.items, item_new ("package", id, position, before, NULL));
  command_emit (&cmd, MP_DOCUMENT_CHANGE_PACKAGE_REMOVED, id);
  if (!record_step (self, label, cmd.items, error) || !commit (self->db, error))
    goto fail;

  command_finish (self, &cmd);
  command_clear (&cmd);
  return TRUE;

fail:
  rollback (self->db);
  command_clear (&cmd);
  return FALSE;
}

/* Every partner and sector code the packages of the document use must be in
 * @ref. */
static gboolean
check_codes_known (MpDocument         *self,
                   const MpReference  *ref,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean failed = FALSE;

  if (!(stmt = prepare (self->db,
                        "SELECT 'p', iso3, package_id FROM package_partner "
                        "UNION SELECT 'p', partner, package_id FROM scheme WHERE partner IS NOT NULL "
                        "UNION SELECT 'p', partner, package_id FROM offer WHERE partner IS NOT NULL "
                        "UNION SELECT 'p', partner, package_id FROM ask WHERE partner IS NOT NULL "
                        "UNION SELECT 's', sector, package_id FROM scheme WHERE sector IS NOT NULL "
                        "UNION SELECT 's', sector, package_id FROM offer WHERE sector IS NOT NULL",
                        error)))
    return FALSE;
  while (step_row (self->db, stmt, &failed, error))
    {
      g_autofree char *kind = column_text (stmt, 0);
      g_autofree char *code = column_text (stmt, 1);
      gboolean partner = g_strcmp0 (kind, "p") == 0;

      if (code == NULL)
        continue;
      if (partner ? mp_reference_find_partner (ref, code) == NULL
                  : mp_reference_find_sector (ref, code) == NULL)
        {
          g_autoptr(sqlite3_stmt) name = prepare (self->db, "SELECT name FROM package WHERE id = ?1",
                                                  NULL);
          g_autofree char *package = NULL;
          gboolean f2 = FALSE;

          if (name != NULL)
            {
              sqlite3_bind_int64 (name, 1, sqlite3_column_int64 (stmt, 2));
              if (step_row (self->db, name, &f2, NULL))
                package = column_text (name, 0);
            }
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                       partner ? _("The new reference data lacks the partner %s, which the package “%s” uses.")
                               : _("The new reference data lacks the sector “%s”, which the package “%s” uses."),
                       code, package != NULL ? package : "?");
          return FALSE;
        }
    }
  return !failed;
}

gboolean
mp_document_replace_reference (MpDocument         *self,
                               const MpReference  *reference,
                               GError            **error)
{
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  Command cmd;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !_mp_document_validate_reference (reference, error))
    return FALSE;
  if (!begin (self->db, error))
    return FALSE;

  command_init (&cmd);
  if (!check_codes_known (self, reference, error))
    goto fail;
  before = reference_to_variant (self->reference);
  after = reference_to_variant (reference);
  if (!write_reference_rows (self->db, reference, error))
    goto fail;
  cmd.reference = mp_reference_copy (reference);
  g_ptr_array_add (cmd.items, item_new ("reference", 0, 0, before, after));
  command_emit (&cmd, MP_DOCUMENT_CHANGE_REFERENCE, 0);
  if (!record_step (self, _("Update reference data"), cmd.items, error) ||
      !commit (self->db, error))
    goto fail;

  command_finish (self, &cmd);
  command_clear (&cmd);
  return TRUE;

fail:
  rollback (self->db);
  command_clear (&cmd);
  return FALSE;
}

/* The document's reference plus the partners and sectors of @embedded it
 * lacks (existing entries are kept as they are).  NULL: nothing to add. */
static MpReference *
extend_reference (const MpReference *reference,
                  const MpReference *embedded)
{
  g_autoptr(MpReference) merged = NULL;

  if (embedded == NULL)
    return NULL;
  for (guint i = 0; embedded->partners != NULL && i < embedded->partners->len; i++)
    {
      const MpPartner *p = g_ptr_array_index (embedded->partners, i);

      if (mp_reference_find_partner (merged != NULL ? merged : reference, p->iso3) == NULL)
        {
          if (merged == NULL)
            merged = mp_reference_copy (reference);
          g_ptr_array_add (merged->partners, mp_partner_copy (p));
        }
    }
  for (guint i = 0; embedded->sectors != NULL && i < embedded->sectors->len; i++)
    {
      const MpSector *s = g_ptr_array_index (embedded->sectors, i);

      if (mp_reference_find_sector (merged != NULL ? merged : reference, s->code) == NULL)
        {
          if (merged == NULL)
            merged = mp_reference_copy (reference);
          g_ptr_array_add (merged->sectors, mp_sector_copy (s));
        }
    }
  return g_steal_pointer (&merged);
}

/* Adds @packages (and the partners and sectors of @embedded the document
 * lacks) as one command, or without history when @label is NULL. */
static gboolean
add_packages (MpDocument         *self,
              GPtrArray          *packages,
              const MpReference  *embedded,
              const char         *label,
              GError            **error)
{
  g_autoptr(MpReference) extended = extend_reference (self->reference, embedded);
  Command cmd;
  gboolean ok;
  gint64 position;

  if (extended != NULL && !_mp_document_validate_reference (extended, error))
    return FALSE;
  for (guint i = 0; i < packages->len; i++)
    if (!validate_package (extended != NULL ? extended : self->reference,
                           g_ptr_array_index (packages, i), error))
      return FALSE;

  if (!begin (self->db, error))
    return FALSE;

  command_init (&cmd);
  if (extended != NULL)
    {
      g_autoptr(GVariant) before = reference_to_variant (self->reference);
      g_autoptr(GVariant) after = reference_to_variant (extended);

      if (!write_reference_rows (self->db, extended, error))
        goto fail;
      cmd.reference = g_steal_pointer (&extended);
      g_ptr_array_add (cmd.items, item_new ("reference", 0, 0, before, after));
      command_emit (&cmd, MP_DOCUMENT_CHANGE_REFERENCE, 0);
    }

  position = next_position (self, &ok, error);
  if (!ok)
    goto fail;
  for (guint i = 0; i < packages->len; i++)
    {
      g_autoptr(MpPackage) copy = mp_package_copy (g_ptr_array_index (packages, i));
      char *name = unique_name (self, copy->name, error);

      if (name == NULL)
        goto fail;
      g_free (copy->name);
      copy->name = name;
      if (!insert_new_package (self, &cmd, copy, position + i, error))
        goto fail;
    }

  if (label != NULL && !record_step (self, label, cmd.items, error))
    goto fail;
  if (!commit (self->db, error))
    goto fail;

  command_finish (self, &cmd);
  command_clear (&cmd);
  return TRUE;

fail:
  rollback (self->db);
  command_clear (&cmd);
  return FALSE;
}

gboolean
mp_document_import_json (MpDocument  *self,
                         const char  *data,
                         gssize       len,
                         GError     **error)
{
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(MpReference) embedded = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!(packages = mp_json_read_packages (data, len, self->reference, &embedded, error)))
    return FALSE;
  if (packages->len == 0)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_INVALID,
                           _("The file holds no package."));
      return FALSE;
    }
  label = g_strdup_printf (mp_ngettext ("Import %u package", "Import %u packages",
                                        packages->len), packages->len);
  return add_packages (self, packages, embedded, label, error);
}

char *
mp_document_export_json (MpDocument    *self,
                         const gint64  *ids,
                         guint          n_ids,
                         gboolean       embed_reference,
                         GError       **error)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_free);
  g_autoptr(GArray) all = NULL;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_open (self, error))
    return NULL;
  if (ids == NULL)
    {
      g_autoptr(GPtrArray) list = mp_document_list_packages (self, error);

      if (list == NULL)
        return NULL;
      all = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < list->len; i++)
        g_array_append_val (all, ((MpPackageInfo *) g_ptr_array_index (list, i))->id);
      ids = (const gint64 *) (gpointer) all->data;
      n_ids = all->len;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      MpPackage *p = mp_document_get_package (self, ids[i], error);

      if (p == NULL)
        return NULL;
      g_ptr_array_add (packages, p);
    }
  return mp_json_write_packages (packages, embed_reference ? self->reference : NULL, error);
}

/* ---- Creating ---------------------------------------------------------- */

static gboolean
fsync_path (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* A new, empty file beside @path for writing it atomically. */
static char *
temp_beside (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmpl, NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_FAILED,
                   _("Could not write in the folder “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

/* Writes a complete new document to @tmp: schema, reference, packages. */
static gboolean
write_new_file (const char         *tmp,
                const MpReference  *reference,
                GError            **error)
{
  sqlite3 *db = NULL;
  g_autofree char *pragmas = NULL;
  g_autoptr(sqlite3_stmt) meta = NULL;
  int rc;

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc);
      sqlite3_close (db);
      return FALSE;
    }
  configure_connection (db);

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA journal_mode = DELETE; "
                             "PRAGMA synchronous = FULL;", MP_DOCUMENT_APPLICATION_ID);
  if (!exec_sql (db, pragmas, error) || !begin (db, error))
    goto fail;

  /* Version 1 and then every migration: new and upgraded files are alike. */
  if (!exec_sql (db, schema_v1, error) || !exec_sql (db, "PRAGMA user_version = 1", error))
    goto fail;
  if (!(meta = prepare (db, "INSERT INTO meta (key, value) VALUES (?1, ?2)", error)))
    goto fail;
  bind_text (meta, 1, "generator");
  bind_text (meta, 2, "Mobility Planner " PACKAGE_VERSION);
  if (!step_done (db, meta, error))
    goto fail;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *created = g_date_time_format_iso8601 (now);

    bind_text (meta, 1, "created");
    bind_text (meta, 2, created);
    if (!step_done (db, meta, error))
      goto fail;
  }
  g_clear_pointer (&meta, sqlite3_finalize);
  if (!write_reference_rows (db, reference, error) || !commit (db, error))
    goto fail;
  if (!migrate (db, error))
    goto fail;

  rc = sqlite3_close (db);
  db = NULL;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, NULL, rc);
      return FALSE;
    }
  return TRUE;

fail:
  g_clear_pointer (&meta, sqlite3_finalize);
  rollback (db);
  sqlite3_close (db);
  return FALSE;
}

/* Moves @tmp to @path unless @path exists (then EXISTS). */
static gboolean
publish (const char  *tmp,
         const char  *path,
         gboolean     replace,
         GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);

  fsync_path (tmp);
  if (replace)
    {
      if (g_rename (tmp, path) != 0)
        goto io_error;
    }
  else if (link (tmp, path) == 0)
    {
      g_unlink (tmp);
    }
  else if (errno == EEXIST)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS,
                   _("“%s” exists already."), display);
      g_unlink (tmp);
      return FALSE;
    }
  else
    {
      /* No hard links here (some removable media): check, then rename. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS,
                       _("“%s” exists already."), display);
          g_unlink (tmp);
          return FALSE;
        }
      if (g_rename (tmp, path) != 0)
        goto io_error;
    }
  fsync_path (dir);
  return TRUE;

io_error:
  {
    int saved = errno;

    g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_FAILED,
                 _("Could not write “%s”: %s"), display, g_strerror (saved));
    g_unlink (tmp);
    return FALSE;
  }
}

MpDocument *
mp_document_create (const char         *path,
                    const MpReference  *reference,
                    GError            **error)
{
  g_autoptr(MpReference) empty = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  if (reference == NULL)
    reference = empty = mp_reference_new ();
  if (!_mp_document_validate_reference (reference, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS,
                   _("“%s” exists already."), display);
      return NULL;
    }

  if (!(tmp = temp_beside (path, error)))
    return NULL;
  if (!write_new_file (tmp, reference, error))
    {
      g_unlink (tmp);
      return NULL;
    }
  if (!publish (tmp, path, FALSE, error))
    return NULL;

  return open_document (path, MP_DOCUMENT_OPEN_NONE, error);
}

MpDocument *
mp_document_create_demo (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MpReference) reference = NULL;
  g_autoptr(MpReference) embedded = NULL;
  g_autoptr(MpReference) merged = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(MpDocument) self = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (MP_DOCUMENT_DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_FAILED,
                   _("The demo packages are missing from this build: %s"), local_error->message);
      return NULL;
    }
  if (!(reference = mp_reference_load_default (error)))
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (!(packages = mp_json_read_packages (data, (gssize) len, reference, &embedded, error)))
    return NULL;
  merged = extend_reference (reference, embedded);

  if (!(self = mp_document_create (path, merged != NULL ? merged : reference, error)))
    return NULL;
  /* The demo starts with an empty undo history. */
  if (!add_packages (self, packages, NULL, NULL, error))
    {
      g_autoptr(MpDocument) doomed = g_steal_pointer (&self);

      close_store (doomed);
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* ---- Save As and close ------------------------------------------------- */

gboolean
mp_document_save_as (MpDocument  *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  g_autofree char *real_target = NULL;
  g_autofree char *target_lock = NULL;
  g_autofree char *holder = NULL;
  g_autoptr(MpDocument) copy = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int lock_fd = -1;
  int rc;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  display = g_filename_display_basename (path);
  if (self->newer)
    {
      g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_READ_ONLY,
                           _("A document of a newer version cannot be saved by this version."));
      return FALSE;
    }

  real_target = realpath (path, NULL);
  if (real_target != NULL && g_strcmp0 (real_target, self->path) == 0)
    {
      /* Saving onto itself: it is saved already; just fold the log in. */
      sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      return TRUE;
    }

  /* Never replace a document open in another instance. */
  target_lock = lock_path_for (real_target != NULL ? real_target : path);
  if (lock_acquire (target_lock, &lock_fd, &holder) == LOCK_HELD)
    {
      g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_EXISTS,
                   _("“%s” is open in Mobility Planner (%s); it cannot be replaced."),
                   display, holder);
      return FALSE;
    }

  if (!(tmp = temp_beside (path, error)))
    goto fail;
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      configure_connection (dest);
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? sqlite3_errcode (dest) : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc == SQLITE_OK)
    {
      /* A rollback journal in the copy: one self-contained file. */
      rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest, rc);
      sqlite3_close (dest);
      g_unlink (tmp);
      goto fail;
    }
  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, NULL, rc);
      g_unlink (tmp);
      goto fail;
    }

  if (!publish (tmp, path, TRUE, error))
    goto fail;
  lock_release (target_lock, lock_fd);
  lock_fd = -1;

  if (!(copy = open_document (path, MP_DOCUMENT_OPEN_NONE, error)))
    return FALSE;

  /* Continue on the copy; the old state closes with @copy. */
#define SWAP(field) G_STMT_START { __typeof__ (self->field) t_ = self->field; \
                                   self->field = copy->field; copy->field = t_; } G_STMT_END
  SWAP (db);
  SWAP (path);
  SWAP (lock_fd);
  SWAP (lock_path);
  SWAP (read_only);
  SWAP (read_only_reason);
  SWAP (file_version);
  SWAP (newer);
  SWAP (reference);
#undef SWAP

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  if (copy->read_only != self->read_only)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  update_history_state (self);
  return TRUE;

fail:
  if (lock_fd >= 0)
    lock_release (target_lock, lock_fd);
  return FALSE;
}

void
mp_document_close (MpDocument *self)
{
  g_return_if_fail (MP_IS_DOCUMENT (self));

  close_store (self);
  update_history_state (self);
}
