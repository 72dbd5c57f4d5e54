/* mp-document-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The internals the files of the document store share (models/store/ only:
 * the public API is mp-document.h, and neither ui/ nor app/ nor the tests
 * include this header, so SQLite types may appear here). */

#include <sqlite3.h>

#include "mp-document.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Where the demo packages (data/examples/demo.json) are in the models'
 * resources. */
#define MP_DOCUMENT_DEMO_RESOURCE RESOURCE_BASE "/examples/demo.json"

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

/* ---- The object (mp-document.c) --------------------------------------- */

typedef enum
{
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
} MpDocumentProp;

void           _mp_document_notify           (MpDocument        *self,
                                              MpDocumentProp     prop);
void           _mp_document_emit_changed     (MpDocument        *self,
                                              MpDocumentChange   change,
                                              gint64             id);
/* FAILED when the document is closed; READ_ONLY (with the reason) when it
 * may not be changed. */
gboolean       _mp_document_check_open       (MpDocument        *self,
                                              GError           **error);
gboolean       _mp_document_check_writable   (MpDocument        *self,
                                              GError           **error);

/* ---- SQLite helpers (mp-document-sql.c) ---------------------------------
 *
 * Errors are MP_DOCUMENT_ERROR, with a translated message in which any text
 * quoted from the file is made safe to show. */

/* The defensive settings every connection gets (no triggers, views or
 * extensions, cell checks, foreign keys, a busy timeout). */
void           _mp_sql_configure_connection  (sqlite3        *db);
void           _mp_sql_set_error             (GError        **error,
                                              sqlite3        *db,
                                              int             rc);
gboolean       _mp_sql_exec                  (sqlite3        *db,
                                              const char     *sql,
                                              GError        **error);
sqlite3_stmt  *_mp_sql_prepare               (sqlite3        *db,
                                              const char     *sql,
                                              GError        **error);
/* Steps a statement that returns no row; resets it for reuse. */
gboolean       _mp_sql_step_done             (sqlite3        *db,
                                              sqlite3_stmt   *stmt,
                                              GError        **error);
/* Steps a query: TRUE on a row, FALSE at the end or on an error (then
 * *@failed is set, and @error). */
gboolean       _mp_sql_step_row              (sqlite3        *db,
                                              sqlite3_stmt   *stmt,
                                              gboolean       *failed,
                                              GError        **error);
/* The first column of the first row of @sql (0 when there is no row);
 * *@ok is FALSE on an error. */
sqlite3_int64  _mp_sql_query_int             (sqlite3        *db,
                                              const char     *sql,
                                              gboolean       *ok,
                                              GError        **error);
void           _mp_sql_bind_text             (sqlite3_stmt   *stmt,
                                              int             i,
                                              const char     *s);
/* NaN is stored as NULL. */
void           _mp_sql_bind_real             (sqlite3_stmt   *stmt,
                                              int             i,
                                              double          v);
void           _mp_sql_bind_bool             (sqlite3_stmt   *stmt,
                                              int             i,
                                              gboolean        b);
/* A copy of a text column, NULL for NULL; never invalid UTF-8. */
char          *_mp_sql_column_text           (sqlite3_stmt   *stmt,
                                              int             i);
/* NULL is read back as NaN. */
double         _mp_sql_column_real           (sqlite3_stmt   *stmt,
                                              int             i);
/* FALSE (INVALID) when the value does not fit an int. */
gboolean       _mp_sql_column_int            (sqlite3_stmt   *stmt,
                                              int             i,
                                              int            *out,
                                              GError        **error);
gboolean       _mp_sql_column_bool           (sqlite3_stmt   *stmt,
                                              int             i);
/* BEGIN IMMEDIATE; COMMIT, rolling back when it fails; ROLLBACK when a
 * transaction is open. */
gboolean       _mp_sql_begin                 (sqlite3        *db,
                                              GError        **error);
gboolean       _mp_sql_commit                (sqlite3        *db,
                                              GError        **error);
void           _mp_sql_rollback              (sqlite3        *db);

/* An INVALID error for an unknown enum value (@what) stored in the file. */
void           _mp_document_set_invalid_enum (GError        **error,
                                              const char     *what,
                                              const char     *value);
/* Makes the message of *@error safe to show when it may quote the file. */
void           _mp_document_clean_error_message (GError     **error);

/* ---- Schema (mp-document-schema.c) ------------------------------------ */

/* Writes the schema of version 1 (new files then take every migration, so
 * that new and upgraded files are alike). */
gboolean       _mp_document_write_schema_v1 (sqlite3     *db,
                                             GError     **error);
/* Takes a file of an older version to MP_DOCUMENT_SCHEMA_VERSION, in one
 * transaction. */
gboolean       _mp_document_migrate         (sqlite3     *db,
                                             GError     **error);
/* Compares the schema of @db with the schema of @version as this build makes
 * it: the same tables, indexes and statements, nothing more.  For a newer
 * version (@exact FALSE) the tables and columns this build reads must be
 * there.  @display names the file in messages. */
gboolean       _mp_document_verify_schema   (sqlite3     *db,
                                             int          version,
                                             gboolean     exact,
                                             const char  *display,
                                             GError     **error);

/* ---- The lock file (mp-document-lock.c) ------------------------------- */

typedef enum
{
  MP_DOCUMENT_LOCK_ACQUIRED,
  MP_DOCUMENT_LOCK_HELD,          /* by another instance: *holder_out says who */
  MP_DOCUMENT_LOCK_UNAVAILABLE,   /* none could be taken (read-only folder) */
} MpDocumentLockResult;

/* The lock file of the document at @path (".~lock.NAME#" beside it). */
char          *_mp_document_lock_path_for (const char  *path);
/* Takes the lock; on success *@fd_out holds it until
 * _mp_document_lock_release(). */
MpDocumentLockResult _mp_document_lock_acquire (const char  *lock_path,
                                                int         *fd_out,
                                                char       **holder_out);
/* Removes the lock file and drops the lock; nothing when @fd is -1. */
void           _mp_document_lock_release  (const char  *lock_path,
                                           int          fd);

/* ---- Rows (mp-document-rows.c) ---------------------------------------- */

/* Replaces the reference snapshot in the file by @reference. */
gboolean       _mp_document_write_reference_rows (sqlite3            *db,
                                                  const MpReference  *reference,
                                                  GError            **error);
/* Reads the reference snapshot and validates it.  @lenient skips the
 * indicators and interests this build does not know (a newer file). */
MpReference   *_mp_document_read_reference_rows  (sqlite3            *db,
                                                  gboolean            lenient,
                                                  GError            **error);
gboolean       _mp_document_package_exists       (sqlite3            *db,
                                                  gint64              id,
                                                  gboolean           *exists,
                                                  GError            **error);
/* Writes @package as package @id at @position (inserting or replacing it).
 * With @header_only the child rows are known to be unchanged and are kept. */
gboolean       _mp_document_write_package_rows   (sqlite3            *db,
                                                  gint64              id,
                                                  gint64              position,
                                                  const MpPackage    *package,
                                                  gboolean            header_only,
                                                  GError            **error);
/* Reads package @id from its rows, without validation.  *@position_out
 * (may be NULL) gets its position.  NULL without an error: no such
 * package. */
MpPackage     *_mp_document_read_package_rows    (sqlite3            *db,
                                                  gint64              id,
                                                  gint64             *position_out,
                                                  GError            **error);
gboolean       _mp_document_delete_package_rows  (sqlite3            *db,
                                                  gint64              id,
                                                  GError            **error);

/* ---- Snapshots (mp-document-snapshot.c) ------------------------------- */

/* The GVariant type of the snapshots of @target ("package" or "reference"),
 * NULL for any other target. */
const GVariantType *_mp_document_snapshot_type  (const char         *target);
/* Floating references sunk: the caller owns the result. */
GVariant      *_mp_document_package_to_variant  (const MpPackage    *package);
GVariant      *_mp_document_reference_to_variant (const MpReference *reference);
/* INVALID when @snapshot is damaged; the reference is validated. */
MpPackage     *_mp_document_package_from_variant (GVariant          *snapshot,
                                                  GError           **error);
MpReference   *_mp_document_reference_from_variant (GVariant        *snapshot,
                                                    GError         **error);
/* Whether two package snapshots have the same child rows (only the package
 * row differs, e.g. after a rename). */
gboolean       _mp_document_package_children_equal (GVariant        *a,
                                                    GVariant        *b);

/* ---- History (mp-document-history.c) --------------------------------- */

/* A command being carried out: what to record and what to announce. */
typedef struct
{
  GPtrArray   *items;        /* the undo records of the step */
  GArray      *emissions;    /* the "changed" signals to emit */
  MpReference *reference;    /* the reference after the command, if it changed */
} MpDocumentCommand;

void           _mp_document_command_init     (MpDocumentCommand  *cmd);
void           _mp_document_command_clear    (MpDocumentCommand  *cmd);
/* A "changed" emission, made once the command is committed. */
void           _mp_document_command_emit     (MpDocumentCommand  *cmd,
                                              MpDocumentChange    change,
                                              gint64              id);
/* An undo record: the snapshots of @target ("package" or "reference")
 * before and after the command (NULL: absent). */
void           _mp_document_command_add_item (MpDocumentCommand  *cmd,
                                              const char         *target,
                                              gint64              package_id,
                                              gint64              position,
                                              GVariant           *before,
                                              GVariant           *after);
/* After a successful commit: adopts the new reference, announces. */
void           _mp_document_command_finish   (MpDocument         *self,
                                              MpDocumentCommand  *cmd);
/* Records the items as one undo step called @label, dropping what could be
 * redone and the steps beyond MP_DOCUMENT_HISTORY_LIMIT. */
gboolean       _mp_document_record_step      (MpDocument         *self,
                                              const char         *label,
                                              GPtrArray          *items,
                                              GError            **error);
/* Reads the undo and redo labels again and notifies what changed. */
void           _mp_document_update_history_state (MpDocument     *self);

/* ---- Validation (mp-document-validate.c) ------------------------------ */

/* Checks a reference snapshot (codes, unique keys, enum values, ranges) as
 * the reference data loader does. */
gboolean       _mp_document_validate_reference (const MpReference  *reference,
                                                GError            **error);
/* Checks a package exactly as JSON input is checked (mp-json), against
 * @reference. */
gboolean       _mp_document_validate_package   (const MpReference  *reference,
                                                const MpPackage    *package,
                                                GError            **error);

G_END_DECLS
