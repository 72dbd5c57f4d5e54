/* mp-json-private.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Shared inside io/: the passes of the reader and the canonical writer.
 *
 * Reading happens in three passes:
 *
 *  1. scan (mp-json-scan.c): a strict RFC 8259 syntax check of the raw bytes
 *     that also enforces the limits json-glib does not (nesting depth, entries
 *     per container, string length, int64 range of integer literals, finite
 *     numbers, duplicate keys).  json-glib 1.6 crashes on deep nesting, wraps
 *     overflowing integers silently and accepts single quotes and hex numbers,
 *     so it only ever sees input that passed this scan.
 *  2. tree (mp-json-tree.c, mp-json-read-entities.c): json-glib's parse, then
 *     a walk that checks types, required and unknown fields and enum
 *     identifiers, building the MpPackage structs.
 *  3. validate: range and cross-reference checks on the structs, by the
 *     validator every other path uses too (mp-validate.h).
 *
 * Every error message starts with the field path, then names the value and
 * the rule. */

#include <json-glib/json-glib.h>

#include "mp-field-rules.h"
#include "mp-json.h"

G_BEGIN_DECLS

/* ---- Pass 1 ---------------------------------------------------------------- */

gboolean    _mp_json_scan           (const char          *data,
                                     gsize                len,
                                     GError             **error);

/* ---- Pass 2: the walk over json-glib's tree -------------------------------- */

/* The walk: the path of the node being read and where errors go. */
typedef struct
{
  GString  *path;
  GError  **error;
} MpJsonCtx;

gboolean    _mp_json_fail           (GError             **error,
                                     MpJsonError          code,
                                     const char          *path,
                                     const char          *format,
                                     ...) G_GNUC_PRINTF (4, 5);
gboolean    _mp_json_take_field_error (GError           **error,
                                     GError              *field_error);

gboolean    _mp_json_type_error     (MpJsonCtx           *c,
                                     JsonNode            *node,
                                     const char          *expected);
gboolean    _mp_json_node_is_number (JsonNode            *node);
double      _mp_json_node_number    (JsonNode            *node);
gboolean    _mp_json_check_fields   (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char * const  *allowed,
                                     const char          *what);
gboolean    _mp_json_check_members  (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     MpFieldEntity        entity,
                                     const char          *what);
gboolean    _mp_json_member         (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     JsonNode           **node);
gboolean    _mp_json_read_string    (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     gboolean             nullable,
                                     MpFieldId            length,
                                     char               **out);
gboolean    _mp_json_read_bool      (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     gboolean            *out);
gboolean    _mp_json_read_double    (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     double              *out);
gboolean    _mp_json_read_int       (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     MpFieldId            id,
                                     int                 *out);
gboolean    _mp_json_read_enum      (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     MpFieldId            id,
                                     int                 *out);
gboolean    _mp_json_read_array     (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     guint                max,
                                     const char          *what,
                                     JsonArray          **out);
gboolean    _mp_json_read_object    (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     JsonObject         **out);
JsonObject *_mp_json_element_object (MpJsonCtx           *c,
                                     JsonArray           *array,
                                     guint                i);
gboolean    _mp_json_read_strv      (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     gboolean             required,
                                     guint                max,
                                     const char          *what,
                                     char              ***out);

/* ---- Pass 2: the entities ------------------------------------------------- */

typedef gpointer (*MpJsonReadFunc) (MpJsonCtx *c, JsonObject *obj);

gboolean    _mp_json_read_list      (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     const char          *key,
                                     const char          *what,
                                     MpJsonReadFunc       read_one,
                                     GPtrArray           *into);
gpointer    _mp_json_read_partner   (MpJsonCtx           *c,
                                     JsonObject          *obj);
gpointer    _mp_json_read_sector    (MpJsonCtx           *c,
                                     JsonObject          *obj);
MpPackage  *_mp_json_read_package   (MpJsonCtx           *c,
                                     JsonObject          *obj,
                                     gboolean             top_level);

/* ---- The canonical writer (mp-json-writer.c) -------------------------------- */

#define MP_JSON_WRITER_MAX_DEPTH 16

typedef struct
{
  gboolean    is_array;
  gboolean    inline_;
  guint       count;
  const char *key;      /* key of the member being written (objects) */
} MpJsonWriterLevel;

/* Pretty-printed output with a stable layout: two-space indentation, short
 * objects (inline_) on one line, each number in its shortest exact form. */
typedef struct
{
  GString           *out;
  int                depth;
  MpJsonWriterLevel  levels[MP_JSON_WRITER_MAX_DEPTH];
  GError            *error;
} MpJsonWriter;

void        _mp_jw_init             (MpJsonWriter        *w);
char       *_mp_jw_finish           (MpJsonWriter        *w,
                                     GError             **error);
char       *_mp_jw_path             (MpJsonWriter        *w);
void        _mp_jw_begin            (MpJsonWriter        *w,
                                     const char          *key,
                                     gboolean             is_array,
                                     gboolean             inline_);
void        _mp_jw_end              (MpJsonWriter        *w);
void        _mp_jw_string           (MpJsonWriter        *w,
                                     const char          *key,
                                     const char          *s);
void        _mp_jw_bool             (MpJsonWriter        *w,
                                     const char          *key,
                                     gboolean             v);
void        _mp_jw_int              (MpJsonWriter        *w,
                                     const char          *key,
                                     gint64               v);
void        _mp_jw_uint64           (MpJsonWriter        *w,
                                     const char          *key,
                                     guint64              v);
void        _mp_jw_null             (MpJsonWriter        *w,
                                     const char          *key);
void        _mp_jw_number           (MpJsonWriter        *w,
                                     const char          *key,
                                     double               v);
void        _mp_jw_number_or_null   (MpJsonWriter        *w,
                                     const char          *key,
                                     double               v);
void        _mp_jw_strv             (MpJsonWriter        *w,
                                     const char          *key,
                                     const char * const  *v);

G_END_DECLS
