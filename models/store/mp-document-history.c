/* mp-document-history.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-document"

/* The undo history in the file: every edit is a command whose items hold the
 * before and after snapshot of each package (or of the reference data) it
 * touched; a step records them, undo puts the "before" states back and redo
 * the "after" states, each in one transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-document-private.h"
#include "mp-reference.h"

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

/* A change to emit once the transaction is committed. */
typedef struct
{
  MpDocumentChange change;
  gint64           id;
} Emission;

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

void
_mp_document_command_init (MpDocumentCommand *cmd)
{
  cmd->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  cmd->emissions = g_array_new (FALSE, FALSE, sizeof (Emission));
  cmd->reference = NULL;
}

void
_mp_document_command_clear (MpDocumentCommand *cmd)
{
  g_clear_pointer (&cmd->items, g_ptr_array_unref);
  g_clear_pointer (&cmd->emissions, g_array_unref);
  g_clear_pointer (&cmd->reference, mp_reference_free);
}

void
_mp_document_command_emit (MpDocumentCommand *cmd,
                           MpDocumentChange   change,
                           gint64             id)
{
  Emission e = { change, id };

  g_array_append_val (cmd->emissions, e);
}

void
_mp_document_command_add_item (MpDocumentCommand *cmd,
                               const char        *target,
                               gint64             package_id,
                               gint64             position,
                               GVariant          *before,
                               GVariant          *after)
{
  g_ptr_array_add (cmd->items, item_new (target, package_id, position, before, after));
}

/* The reference packages are checked against while @cmd runs. */
static const MpReference *
command_reference (MpDocument        *self,
                   MpDocumentCommand *cmd)
{
  return cmd->reference != NULL ? cmd->reference : self->reference;
}

void
_mp_document_command_finish (MpDocument        *self,
                             MpDocumentCommand *cmd)
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
  _mp_document_update_history_state (self);
  for (guint i = 0; i < cmd->emissions->len; i++)
    {
      const Emission *e = &g_array_index (cmd->emissions, Emission, i);

      _mp_document_emit_changed (self, e->change, e->id);
    }
}

gboolean
_mp_document_record_step (MpDocument  *self,
                          const char  *label,
                          GPtrArray   *items,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) step = NULL;
  g_autoptr(sqlite3_stmt) item = NULL;
  g_autofree char *prune = NULL;
  gint64 step_id;

  /* A new command drops what could be redone. */
  if (!_mp_sql_exec (self->db,
                     "DELETE FROM history_item WHERE step_id IN "
                     "  (SELECT id FROM history_step WHERE done = 0);"
                     "DELETE FROM history_step WHERE done = 0;", error))
    return FALSE;

  if (!(step = _mp_sql_prepare (self->db,
                                "INSERT INTO history_step (label, created, done) VALUES (?1, ?2, 1)",
                                error)))
    return FALSE;
  _mp_sql_bind_text (step, 1, label);
  sqlite3_bind_int64 (step, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (!_mp_sql_step_done (self->db, step, error))
    return FALSE;
  step_id = sqlite3_last_insert_rowid (self->db);

  if (!(item = _mp_sql_prepare (self->db,
                                "INSERT INTO history_item (step_id, position, target, package_id, "
                                "package_position, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error)))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = g_ptr_array_index (items, i);

      sqlite3_bind_int64 (item, 1, step_id);
      sqlite3_bind_int (item, 2, (int) i);
      _mp_sql_bind_text (item, 3, it->target);
      if (g_str_equal (it->target, "package"))
        {
          sqlite3_bind_int64 (item, 4, it->package_id);
          sqlite3_bind_int64 (item, 5, it->position);
        }
      bind_variant (item, 6, it->before);
      bind_variant (item, 7, it->after);
      if (!_mp_sql_step_done (self->db, item, error))
        return FALSE;
    }

  /* Keep the newest MP_DOCUMENT_HISTORY_LIMIT steps. */
  prune = g_strdup_printf ("DELETE FROM history_item WHERE step_id <= "
                           "  (SELECT id FROM history_step ORDER BY id DESC LIMIT 1 OFFSET %d);"
                           "DELETE FROM history_step WHERE id <= "
                           "  (SELECT id FROM history_step ORDER BY id DESC LIMIT 1 OFFSET %d);",
                           MP_DOCUMENT_HISTORY_LIMIT, MP_DOCUMENT_HISTORY_LIMIT);
  return _mp_sql_exec (self->db, prune, error);
}

/* Puts the state @state (NULL: absent) of an item in place; @other is the
 * state it replaces, as recorded. */
static gboolean
apply_item (MpDocument         *self,
            MpDocumentCommand  *cmd,
            const Item         *item,
            GVariant           *state,
            GVariant           *other,
            GError            **error)
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
      if (!(ref = _mp_document_reference_from_variant (state, error)))
        return FALSE;
      g_clear_pointer (&cmd->reference, mp_reference_free);
      cmd->reference = ref;
      if (!_mp_document_write_reference_rows (self->db, ref, error))
        return FALSE;
      _mp_document_command_emit (cmd, MP_DOCUMENT_CHANGE_REFERENCE, 0);
      return TRUE;
    }

  if (!_mp_document_package_exists (self->db, item->package_id, &exists, error))
    return FALSE;

  if (state == NULL)
    {
      if (!exists)
        return TRUE;
      if (!_mp_document_delete_package_rows (self->db, item->package_id, error))
        return FALSE;
      _mp_document_command_emit (cmd, MP_DOCUMENT_CHANGE_PACKAGE_REMOVED, item->package_id);
      return TRUE;
    }
  else
    {
      g_autoptr(MpPackage) package = _mp_document_package_from_variant (state, error);
      gboolean header_only;

      if (package == NULL || !_mp_document_validate_package (command_reference (self, cmd), package, error))
        return FALSE;
      header_only = exists && other != NULL && _mp_document_package_children_equal (state, other);
      if (!_mp_document_write_package_rows (self->db, item->package_id, item->position, package,
                                            header_only, error))
        return FALSE;
      _mp_document_command_emit (cmd, exists ? MP_DOCUMENT_CHANGE_PACKAGE_MODIFIED
                                             : MP_DOCUMENT_CHANGE_PACKAGE_ADDED, item->package_id);
      return TRUE;
    }
}

/* Undoes (@forward FALSE) or redoes the next step. */
static gboolean
replay (MpDocument  *self,
        gboolean     forward,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  MpDocumentCommand cmd;
  gboolean failed = FALSE;
  gint64 step_id;

  if (!_mp_document_check_writable (self, error))
    return FALSE;
  if (!_mp_sql_begin (self->db, error))
    return FALSE;

  _mp_document_command_init (&cmd);
  if (!(stmt = _mp_sql_prepare (self->db,
                                forward ? "SELECT id FROM history_step WHERE done = 0 ORDER BY id LIMIT 1"
                                        : "SELECT id FROM history_step WHERE done = 1 ORDER BY id DESC LIMIT 1",
                                error)))
    goto fail;
  if (!_mp_sql_step_row (self->db, stmt, &failed, error))
    {
      if (!failed)
        g_set_error_literal (error, MP_DOCUMENT_ERROR, MP_DOCUMENT_ERROR_NOTHING_TO_UNDO,
                             forward ? _("There is nothing to redo.") : _("There is nothing to undo."));
      goto fail;
    }
  step_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = _mp_sql_prepare (self->db,
                                forward ? "SELECT target, package_id, package_position, before, after "
                                          "FROM history_item WHERE step_id = ?1 ORDER BY position"
                                        : "SELECT target, package_id, package_position, before, after "
                                          "FROM history_item WHERE step_id = ?1 ORDER BY position DESC",
                                error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, step_id);
  while (_mp_sql_step_row (self->db, stmt, &failed, error))
    {
      g_autofree char *target = _mp_sql_column_text (stmt, 0);
      const GVariantType *type;
      Item *item;

      type = target != NULL ? _mp_document_snapshot_type (target) : NULL;
      if (type == NULL)
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

  if (!(stmt = _mp_sql_prepare (self->db, "UPDATE history_step SET done = ?2 WHERE id = ?1", error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, step_id);
  sqlite3_bind_int (stmt, 2, forward ? 1 : 0);
  if (!_mp_sql_step_done (self->db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!_mp_sql_commit (self->db, error))
    goto fail;

  _mp_document_command_finish (self, &cmd);
  _mp_document_command_clear (&cmd);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _mp_sql_rollback (self->db);
  _mp_document_command_clear (&cmd);
  return FALSE;
}

static char *
query_label (sqlite3    *db,
             const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _mp_sql_prepare (db, sql, NULL);
  gboolean failed = FALSE;

  if (stmt != NULL && _mp_sql_step_row (db, stmt, &failed, NULL))
    {
      char *label = _mp_sql_column_text (stmt, 0);

      return label != NULL ? label : g_strdup ("");
    }
  return NULL;
}

void
_mp_document_update_history_state (MpDocument *self)
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
      _mp_document_notify (self, PROP_UNDO_LABEL);
    }
  if (g_strcmp0 (redo, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_steal_pointer (&redo);
      _mp_document_notify (self, PROP_REDO_LABEL);
    }
  if (could_undo != mp_document_can_undo (self))
    _mp_document_notify (self, PROP_CAN_UNDO);
  if (could_redo != mp_document_can_redo (self))
    _mp_document_notify (self, PROP_CAN_REDO);
  g_object_thaw_notify (G_OBJECT (self));
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
