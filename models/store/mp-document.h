/* mp-document.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* A Mobility Planner document: one SQLite file (*.mplan) holding a snapshot of
 * the reference data, any number of packages and the undo history.
 *
 * The file is the document: every edit is one undoable command, written to the
 * file in one transaction as it happens.  There is no save step; "Save As"
 * copies the file through the SQLite backup API and continues on the copy.
 *
 * GIO only: no SQLite types in this header.
 */

#include <gio/gio.h>

#include "mp-types.h"

G_BEGIN_DECLS

#define MP_DOCUMENT_ERROR (mp_document_error_quark ())

typedef enum
{
  MP_DOCUMENT_ERROR_FAILED,            /* I/O or SQLite failure */
  MP_DOCUMENT_ERROR_NOT_FOUND,         /* no such file, or no such package */
  MP_DOCUMENT_ERROR_EXISTS,            /* create: the file exists already */
  MP_DOCUMENT_ERROR_NOT_SQLITE,        /* not an SQLite database at all */
  MP_DOCUMENT_ERROR_CORRUPT,           /* truncated or damaged (quick_check) */
  MP_DOCUMENT_ERROR_FOREIGN,           /* an SQLite file of another application */
  MP_DOCUMENT_ERROR_NEWER_VERSION,     /* made by a newer version: open with READ_ONLY */
  MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA, /* extra triggers, views or tables, missing tables */
  MP_DOCUMENT_ERROR_INVALID,           /* a stored value is out of range */
  MP_DOCUMENT_ERROR_READ_ONLY,         /* an edit on a read-only document */
  MP_DOCUMENT_ERROR_NOTHING_TO_UNDO,   /* undo/redo with an empty stack */
} MpDocumentError;

typedef enum
{
  MP_DOCUMENT_OPEN_NONE      = 0,
  MP_DOCUMENT_OPEN_READ_ONLY = 1 << 0,
} MpDocumentOpenFlags;

/* What a "changed" emission is about (the signal's first argument). */
typedef enum
{
  MP_DOCUMENT_CHANGE_PACKAGE_ADDED    = 1 << 0,   /* second argument: the package id */
  MP_DOCUMENT_CHANGE_PACKAGE_REMOVED  = 1 << 1,   /* id */
  MP_DOCUMENT_CHANGE_PACKAGE_MODIFIED = 1 << 2,   /* id: contents or name */
  MP_DOCUMENT_CHANGE_REFERENCE        = 1 << 3,   /* id 0: the reference snapshot */
} MpDocumentChange;

/* The version of the file format this build writes, and its application id
 * ('MPln'). */
#define MP_DOCUMENT_SCHEMA_VERSION   2
#define MP_DOCUMENT_APPLICATION_ID   0x4D506C6E
/* Undo steps kept in a document; older ones are dropped. */
#define MP_DOCUMENT_HISTORY_LIMIT    200

/* One row of mp_document_list_packages(). */
typedef struct
{
  gint64  id;           /* stable for the life of the document, kept by undo */
  char   *name;
  char   *partners;     /* comma-separated iso3 codes, e.g. "MAR" or "MAR,TUN" */
  guint   n_schemes;
} MpPackageInfo;

void           mp_package_info_free (MpPackageInfo *info);

#define MP_TYPE_DOCUMENT (mp_document_get_type ())

G_DECLARE_FINAL_TYPE (MpDocument, mp_document, MP, DOCUMENT, GObject)

GQuark         mp_document_error_quark        (void);

/* Creates a new document at @path (which must not exist) with a copy of
 * @reference; the file appears atomically, complete or not at all. */
MpDocument    *mp_document_create             (const char          *path,
                                               const MpReference   *reference,
                                               GError             **error);
/* Creates a document holding the demo packages (data/examples/demo.json). */
MpDocument    *mp_document_create_demo        (const char          *path,
                                               GError             **error);
/* Opens @path, refusing hostile or damaged files with a translated message.
 * A document made by a newer version opens only with READ_ONLY; a document
 * open in another running instance opens read-only (see
 * mp_document_get_read_only_reason()). */
MpDocument    *mp_document_open               (const char          *path,
                                               MpDocumentOpenFlags  flags,
                                               GError             **error);

const char    *mp_document_get_path           (MpDocument          *self);
gboolean       mp_document_is_read_only       (MpDocument          *self);
/* A translated notice saying why the document is read-only, or NULL. */
const char    *mp_document_get_read_only_reason (MpDocument        *self);
/* The schema version found in the file when it was opened (before any
 * migration). */
int            mp_document_get_file_version   (MpDocument          *self);

/* The reference snapshot, borrowed: valid until the next edit. */
const MpReference *mp_document_get_reference  (MpDocument          *self);
gboolean       mp_document_replace_reference  (MpDocument          *self,
                                               const MpReference   *reference,
                                               GError             **error);

/* MpPackageInfo*, in the document's order (free with g_ptr_array_unref). */
GPtrArray     *mp_document_list_packages      (MpDocument          *self,
                                               GError             **error);
/* The first package called @name, or 0. */
gint64         mp_document_find_package       (MpDocument          *self,
                                               const char          *name);
/* A copy of the package, validated as JSON input is. */
MpPackage     *mp_document_get_package        (MpDocument          *self,
                                               gint64               id,
                                               GError             **error);

/* Edits: each one is one undoable command, in the file when they return.
 * The functions returning an id return 0 on error. */
gint64         mp_document_add_package        (MpDocument          *self,
                                               const MpPackage     *package,
                                               GError             **error);
gint64         mp_document_duplicate_package  (MpDocument          *self,
                                               gint64               id,
                                               GError             **error);
gboolean       mp_document_rename_package     (MpDocument          *self,
                                               gint64               id,
                                               const char          *name,
                                               GError             **error);
gboolean       mp_document_delete_package     (MpDocument          *self,
                                               gint64               id,
                                               GError             **error);
/* Replaces the package wholesale; @label names the command in the undo menu
 * (NULL: "Edit package"). */
gboolean       mp_document_update_package     (MpDocument          *self,
                                               gint64               id,
                                               const MpPackage     *new_state,
                                               const char          *label,
                                               GError             **error);
/* Imports all packages of a JSON file (mp-json format), all or nothing, as
 * one undoable command.  Names that exist already get a suffix. */
gboolean       mp_document_import_json        (MpDocument          *self,
                                               const char          *data,
                                               gssize               len,
                                               GError             **error);
/* Exports the packages with the given ids (all when @ids is NULL) as JSON,
 * with the reference snapshot embedded when @embed_reference is set. */
char          *mp_document_export_json        (MpDocument          *self,
                                               const gint64        *ids,
                                               guint                n_ids,
                                               gboolean             embed_reference,
                                               GError             **error);

gboolean       mp_document_can_undo           (MpDocument          *self);
gboolean       mp_document_can_redo           (MpDocument          *self);
/* The label of the command undo (redo) would revert (repeat), or NULL. */
const char    *mp_document_get_undo_label     (MpDocument          *self);
const char    *mp_document_get_redo_label     (MpDocument          *self);
gboolean       mp_document_undo               (MpDocument          *self,
                                               GError             **error);
gboolean       mp_document_redo               (MpDocument          *self,
                                               GError             **error);

/* Copies the document to @path (replacing it) through the SQLite backup API
 * as a single self-contained file, then continues on the copy. */
gboolean       mp_document_save_as            (MpDocument          *self,
                                               const char          *path,
                                               GError             **error);

/* Checkpoints and closes the file (also done on finalize); afterwards every
 * call fails or returns empty results.  The file on disk is then one
 * self-contained file, fit for e-mail. */
void           mp_document_close              (MpDocument          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpPackageInfo, mp_package_info_free)

G_END_DECLS
