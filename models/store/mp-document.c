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
#include "mp-json.h"
#include "mp-reference.h"

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

/* ---- The object -------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (MpDocument, mp_document, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_QUARK (mp-document-error-quark, mp_document_error)

void
_mp_document_notify (MpDocument     *self,
                     MpDocumentProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_mp_document_emit_changed (MpDocument       *self,
                           MpDocumentChange  change,
                           gint64            id)
{
  g_signal_emit (self, signals[CHANGED], 0, (guint) change, id);
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
  g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (db, "PRAGMA quick_check(1)", error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (_mp_sql_step_row (db, stmt, &failed, error))
    {
      g_autofree char *result = _mp_sql_column_text (stmt, 0);

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
  self->lock_path = _mp_document_lock_path_for (real);

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
      switch (_mp_document_lock_acquire (self->lock_path, &self->lock_fd, &holder))
        {
        case MP_DOCUMENT_LOCK_ACQUIRED:
          break;
        case MP_DOCUMENT_LOCK_HELD:
          self->read_only = TRUE;
          self->read_only_reason =
            g_strdup_printf (_("“%s” is already open in Mobility Planner (%s). It has been opened "
                               "read-only; close it there to edit it here."), display, holder);
          break;
        case MP_DOCUMENT_LOCK_UNAVAILABLE:
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
      _mp_sql_set_error (error, self->db, rc);
      prefix_open_error (error, display);
      return NULL;
    }
  _mp_sql_configure_connection (self->db);

  app_id = _mp_sql_query_int (self->db, "PRAGMA application_id", &ok, error);
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

  version = _mp_sql_query_int (self->db, "PRAGMA user_version", &ok, error);
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

  if (!_mp_document_verify_schema (self->db, self->file_version, !self->newer, display, error) ||
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
      if (!(stmt = _mp_sql_prepare (self->db, "PRAGMA journal_mode = WAL", error)))
        return NULL;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _mp_sql_set_error (error, self->db, rc);
          return NULL;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (!_mp_sql_exec (self->db, "PRAGMA synchronous = FULL", error))
        return NULL;

      if (self->file_version < MP_DOCUMENT_SCHEMA_VERSION)
        {
          if (!_mp_document_migrate (self->db, error) ||
              !_mp_document_verify_schema (self->db, MP_DOCUMENT_SCHEMA_VERSION, TRUE, display, error))
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
          _mp_sql_set_error (error, mem, rc);
          sqlite3_close (mem);
          return NULL;
        }
      _mp_sql_configure_connection (mem);
      backup = sqlite3_backup_init (mem, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (mem);
      if (rc != SQLITE_OK || !_mp_document_migrate (mem, error))
        {
          if (rc != SQLITE_OK)
            _mp_sql_set_error (error, mem, rc);
          sqlite3_close (mem);
          return NULL;
        }
      sqlite3_close (self->db);
      self->db = mem;
    }

  self->reference = _mp_document_read_reference_rows (self->db, self->newer, &local_error);
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

  _mp_document_update_history_state (self);

  return g_steal_pointer (&self);
}

MpDocument *
mp_document_open (const char           *path,
                  MpDocumentOpenFlags   flags,
                  GError              **error)
{
  MpDocument *self = open_document (path, flags, error);

  if (self == NULL)
    _mp_document_clean_error_message (error);
  return self;
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
  _mp_document_lock_release (self->lock_path, self->lock_fd);
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

gboolean
_mp_document_check_open (MpDocument  *self,
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

gboolean
_mp_document_check_writable (MpDocument  *self,
                             GError     **error)
{
  if (!_mp_document_check_open (self, error))
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

GPtrArray *
mp_document_list_packages (MpDocument  *self,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean failed = FALSE;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_mp_document_check_open (self, error))
    return NULL;
  if (!(stmt = _mp_sql_prepare (self->db,
                                "SELECT p.id, p.name, "
                                "  (SELECT group_concat (iso3, ',') FROM "
                                "     (SELECT iso3 FROM package_partner pp WHERE pp.package_id = p.id "
                                "      ORDER BY pp.position)), "
                                "  (SELECT count(*) FROM scheme s WHERE s.package_id = p.id) "
                                "FROM package p ORDER BY p.position, p.id", error)))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_package_info_free);
  while (_mp_sql_step_row (self->db, stmt, &failed, error))
    {
      MpPackageInfo *info = g_new0 (MpPackageInfo, 1);
      sqlite3_int64 n = sqlite3_column_int64 (stmt, 3);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = _mp_sql_column_text (stmt, 1);
      if (info->name == NULL)
        info->name = g_strdup ("");
      info->partners = _mp_sql_column_text (stmt, 2);
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
      !(stmt = _mp_sql_prepare (self->db,
                                "SELECT id FROM package WHERE name = ?1 ORDER BY position, id LIMIT 1",
                                NULL)))
    return 0;
  _mp_sql_bind_text (stmt, 1, name);
  if (_mp_sql_step_row (self->db, stmt, &failed, NULL))
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
  g_autoptr(MpPackage) package = _mp_document_read_package_rows (self->db, id, position, &local_error);

  if (package == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_FOUND,
                     _("The document has no package with the number %" PRId64 "."), id);
      return NULL;
    }
  if (!_mp_document_validate_package (reference, package, error))
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

  if (!_mp_document_check_open (self, error))
    return NULL;
  package = load_package (self, self->reference, id, NULL, error);
  if (package == NULL)
    _mp_document_clean_error_message (error);
  return package;
}

static gboolean
name_taken (MpDocument  *self,
            const char  *name,
            gint64       except_id,
            gboolean    *taken,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (self->db,
                                                  "SELECT 1 FROM package WHERE name = ?1 AND id != ?2",
                                                  error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;
  _mp_sql_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except_id);
  *taken = _mp_sql_step_row (self->db, stmt, &failed, error);
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
  return _mp_sql_query_int (self->db, "SELECT coalesce (max (position), 0) + 1 FROM package", ok, error);
}

/* Inserts a new package (validated already) at @position; returns its id. */
static gint64
insert_new_package (MpDocument         *self,
                    MpDocumentCommand  *cmd,
                    const MpPackage    *package,
                    gint64              position,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GVariant) after = NULL;
  gint64 id;

  /* Reserve the id (AUTOINCREMENT: never reused, so undo can bring a
   * deleted package back under its old id). */
  if (!(stmt = _mp_sql_prepare (self->db,
                                "INSERT INTO package (name, start_year, horizon, draws, seed, position) "
                                "VALUES (?1, 0, 0, 0, 0, ?2)", error)))
    return 0;
  _mp_sql_bind_text (stmt, 1, package->name);
  sqlite3_bind_int64 (stmt, 2, position);
  if (!_mp_sql_step_done (self->db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);

  if (!_mp_document_write_package_rows (self->db, id, position, package, FALSE, error))
    return 0;

  after = _mp_document_package_to_variant (package);
  _mp_document_command_add_item (cmd, "package", id, position, NULL, after);
  _mp_document_command_emit (cmd, MP_DOCUMENT_CHANGE_PACKAGE_ADDED, id);
  return id;
}

gint64
mp_document_add_package (MpDocument       *self,
                         const MpPackage  *package,
                         GError          **error)
{
  g_autoptr(MpPackage) copy = NULL;
  g_autofree char *label = NULL;
  MpDocumentCommand cmd;
  gboolean ok;
  gint64 position, id;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (package != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_mp_document_check_writable (self, error) || !_mp_document_validate_package (self->reference, package, error))
    return 0;
  if (!_mp_sql_begin (self->db, error))
    return 0;

  _mp_document_command_init (&cmd);
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
  if (!_mp_document_record_step (self, label, cmd.items, error) || !_mp_sql_commit (self->db, error))
    goto fail;

  _mp_document_command_finish (self, &cmd);
  _mp_document_command_clear (&cmd);
  return id;

fail:
  _mp_sql_rollback (self->db);
  _mp_document_command_clear (&cmd);
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
  MpDocumentCommand cmd;
  gint64 position, new_id;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_mp_document_check_writable (self, error) || !_mp_sql_begin (self->db, error))
    return 0;

  _mp_document_command_init (&cmd);
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
  if (!(shift = _mp_sql_prepare (self->db, "UPDATE package SET position = position + 1 WHERE position > ?1",
                                 error)))
    goto fail;
  sqlite3_bind_int64 (shift, 1, position);
  if (!_mp_sql_step_done (self->db, shift, error))
    goto fail;

  if (!(new_id = insert_new_package (self, &cmd, package, position + 1, error)))
    goto fail;
  if (!_mp_document_record_step (self, label, cmd.items, error) || !_mp_sql_commit (self->db, error))
    goto fail;

  _mp_document_command_finish (self, &cmd);
  _mp_document_command_clear (&cmd);
  return new_id;

fail:
  _mp_sql_rollback (self->db);
  _mp_document_command_clear (&cmd);
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
  MpDocumentCommand cmd;
  gint64 position;

  if (!_mp_document_check_writable (self, error) || !_mp_document_validate_package (self->reference, new_state, error))
    return FALSE;
  if (!_mp_sql_begin (self->db, error))
    return FALSE;

  _mp_document_command_init (&cmd);
  if (!(current = load_package (self, self->reference, id, &position, error)) ||
      !check_name_free (self, new_state->name, id, error))
    goto fail;

  before = _mp_document_package_to_variant (current);
  after = _mp_document_package_to_variant (new_state);
  if (!_mp_document_write_package_rows (self->db, id, position, new_state,
                                        _mp_document_package_children_equal (before, after), error))
    goto fail;
  _mp_document_command_add_item (&cmd, "package", id, position, before, after);
  _mp_document_command_emit (&cmd, MP_DOCUMENT_CHANGE_PACKAGE_MODIFIED, id);
  if (!_mp_document_record_step (self, label, cmd.items, error) || !_mp_sql_commit (self->db, error))
    goto fail;

  _mp_document_command_finish (self, &cmd);
  _mp_document_command_clear (&cmd);
  return TRUE;

fail:
  _mp_sql_rollback (self->db);
  _mp_document_command_clear (&cmd);
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

  if (!_mp_document_check_open (self, error) ||
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
  MpDocumentCommand cmd;
  gint64 position;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_mp_document_check_writable (self, error) || !_mp_sql_begin (self->db, error))
    return FALSE;

  _mp_document_command_init (&cmd);
  /* Read without validation: a package that no longer validates (say, after
   * a reference update) can still be deleted, and undone. */
  package = _mp_document_read_package_rows (self->db, id, &position, error);
  if (package == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOT_FOUND,
                     _("The document has no package with the number %" PRId64 "."), id);
      goto fail;
    }
  before = _mp_document_package_to_variant (package);
  label = g_strdup_printf (_("Delete package “%s”"), package->name != NULL ? package->name : "");
  mp_package_free (package);

  if (!_mp_document_delete_package_rows (self->db, id, error))
    goto fail;
  _mp_document_command_add_item (&cmd, "package", id, position, before, NULL);
  _mp_document_command_emit (&cmd, MP_DOCUMENT_CHANGE_PACKAGE_REMOVED, id);
  if (!_mp_document_record_step (self, label, cmd.items, error) || !_mp_sql_commit (self->db, error))
    goto fail;

  _mp_document_command_finish (self, &cmd);
  _mp_document_command_clear (&cmd);
  return TRUE;

fail:
  _mp_sql_rollback (self->db);
  _mp_document_command_clear (&cmd);
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

  if (!(stmt = _mp_sql_prepare (self->db,
                                "SELECT 'p', iso3, package_id FROM package_partner "
                                "UNION SELECT 'p', partner, package_id FROM scheme WHERE partner IS NOT NULL "
                                "UNION SELECT 'p', partner, package_id FROM offer WHERE partner IS NOT NULL "
                                "UNION SELECT 'p', partner, package_id FROM ask WHERE partner IS NOT NULL "
                                "UNION SELECT 's', sector, package_id FROM scheme WHERE sector IS NOT NULL "
                                "UNION SELECT 's', sector, package_id FROM offer WHERE sector IS NOT NULL",
                                error)))
    return FALSE;
  while (_mp_sql_step_row (self->db, stmt, &failed, error))
    {
      g_autofree char *kind = _mp_sql_column_text (stmt, 0);
      g_autofree char *code = _mp_sql_column_text (stmt, 1);
      gboolean partner = g_strcmp0 (kind, "p") == 0;

      if (code == NULL)
        continue;
      if (partner ? mp_reference_find_partner (ref, code) == NULL
                  : mp_reference_find_sector (ref, code) == NULL)
        {
          g_autoptr(sqlite3_stmt) name = _mp_sql_prepare (self->db, "SELECT name FROM package WHERE id = ?1",
                                                          NULL);
          g_autofree char *package = NULL;
          gboolean f2 = FALSE;

          if (name != NULL)
            {
              sqlite3_bind_int64 (name, 1, sqlite3_column_int64 (stmt, 2));
              if (_mp_sql_step_row (self->db, name, &f2, NULL))
                package = _mp_sql_column_text (name, 0);
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
  MpDocumentCommand cmd;

  g_return_val_if_fail (MP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_mp_document_check_writable (self, error) || !_mp_document_validate_reference (reference, error))
    return FALSE;
  if (!_mp_sql_begin (self->db, error))
    return FALSE;

  _mp_document_command_init (&cmd);
  if (!check_codes_known (self, reference, error))
    goto fail;
  before = _mp_document_reference_to_variant (self->reference);
  after = _mp_document_reference_to_variant (reference);
  if (!_mp_document_write_reference_rows (self->db, reference, error))
    goto fail;
  cmd.reference = mp_reference_copy (reference);
  _mp_document_command_add_item (&cmd, "reference", 0, 0, before, after);
  _mp_document_command_emit (&cmd, MP_DOCUMENT_CHANGE_REFERENCE, 0);
  if (!_mp_document_record_step (self, _("Update reference data"), cmd.items, error) ||
      !_mp_sql_commit (self->db, error))
    goto fail;

  _mp_document_command_finish (self, &cmd);
  _mp_document_command_clear (&cmd);
  return TRUE;

fail:
  _mp_sql_rollback (self->db);
  _mp_document_command_clear (&cmd);
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
  MpDocumentCommand cmd;
  gboolean ok;
  gint64 position;

  if (extended != NULL && !_mp_document_validate_reference (extended, error))
    return FALSE;
  for (guint i = 0; i < packages->len; i++)
    if (!_mp_document_validate_package (extended != NULL ? extended : self->reference,
                                        g_ptr_array_index (packages, i), error))
      return FALSE;

  if (!_mp_sql_begin (self->db, error))
    return FALSE;

  _mp_document_command_init (&cmd);
  if (extended != NULL)
    {
      g_autoptr(GVariant) before = _mp_document_reference_to_variant (self->reference);
      g_autoptr(GVariant) after = _mp_document_reference_to_variant (extended);

      if (!_mp_document_write_reference_rows (self->db, extended, error))
        goto fail;
      cmd.reference = g_steal_pointer (&extended);
      _mp_document_command_add_item (&cmd, "reference", 0, 0, before, after);
      _mp_document_command_emit (&cmd, MP_DOCUMENT_CHANGE_REFERENCE, 0);
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

  if (label != NULL && !_mp_document_record_step (self, label, cmd.items, error))
    goto fail;
  if (!_mp_sql_commit (self->db, error))
    goto fail;

  _mp_document_command_finish (self, &cmd);
  _mp_document_command_clear (&cmd);
  return TRUE;

fail:
  _mp_sql_rollback (self->db);
  _mp_document_command_clear (&cmd);
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

  if (!_mp_document_check_writable (self, error))
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

  if (!_mp_document_check_open (self, error))
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
      _mp_sql_set_error (error, db, rc);
      sqlite3_close (db);
      return FALSE;
    }
  _mp_sql_configure_connection (db);

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA journal_mode = DELETE; "
                             "PRAGMA synchronous = FULL;", MP_DOCUMENT_APPLICATION_ID);
  if (!_mp_sql_exec (db, pragmas, error) || !_mp_sql_begin (db, error))
    goto fail;

  /* Version 1 and then every migration: new and upgraded files are alike. */
  if (!_mp_document_write_schema_v1 (db, error))
    goto fail;
  if (!(meta = _mp_sql_prepare (db, "INSERT INTO meta (key, value) VALUES (?1, ?2)", error)))
    goto fail;
  _mp_sql_bind_text (meta, 1, "generator");
  _mp_sql_bind_text (meta, 2, "Mobility Planner " PACKAGE_VERSION);
  if (!_mp_sql_step_done (db, meta, error))
    goto fail;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *created = g_date_time_format_iso8601 (now);

    _mp_sql_bind_text (meta, 1, "created");
    _mp_sql_bind_text (meta, 2, created);
    if (!_mp_sql_step_done (db, meta, error))
      goto fail;
  }
  g_clear_pointer (&meta, sqlite3_finalize);
  if (!_mp_document_write_reference_rows (db, reference, error) || !_mp_sql_commit (db, error))
    goto fail;
  if (!_mp_document_migrate (db, error))
    goto fail;

  rc = sqlite3_close (db);
  db = NULL;
  if (rc != SQLITE_OK)
    {
      _mp_sql_set_error (error, NULL, rc);
      return FALSE;
    }
  return TRUE;

fail:
  g_clear_pointer (&meta, sqlite3_finalize);
  _mp_sql_rollback (db);
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

  if (!_mp_document_check_open (self, error))
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
  target_lock = _mp_document_lock_path_for (real_target != NULL ? real_target : path);
  if (_mp_document_lock_acquire (target_lock, &lock_fd, &holder) == MP_DOCUMENT_LOCK_HELD)
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
      _mp_sql_configure_connection (dest);
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
      _mp_sql_set_error (error, dest, rc);
      sqlite3_close (dest);
      g_unlink (tmp);
      goto fail;
    }
  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      _mp_sql_set_error (error, NULL, rc);
      g_unlink (tmp);
      goto fail;
    }

  if (!publish (tmp, path, TRUE, error))
    goto fail;
  _mp_document_lock_release (target_lock, lock_fd);
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

  _mp_document_notify (self, PROP_PATH);
  if (copy->read_only != self->read_only)
    _mp_document_notify (self, PROP_READ_ONLY);
  _mp_document_update_history_state (self);
  return TRUE;

fail:
  if (lock_fd >= 0)
    _mp_document_lock_release (target_lock, lock_fd);
  return FALSE;
}

void
mp_document_close (MpDocument *self)
{
  g_return_if_fail (MP_IS_DOCUMENT (self));

  close_store (self);
  _mp_document_update_history_state (self);
}
