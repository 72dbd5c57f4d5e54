/* mp-json-writer.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mp-i18n.h"
#include "mp-field-message.h"
#include "mp-json-private.h"

/* The canonical writer of packages and evaluations (mp-json-private.h):
 * values are written one by one with their key, inside objects and arrays
 * opened and closed in order; a value JSON cannot hold is an error kept
 * until _mp_jw_finish(). */

/* The shortest decimal form that reads back as the same double. */
static void
format_double (char   *buf,
               gsize   size,
               double  v)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, size, formats[i], v);
      if (g_ascii_strtod (buf, NULL) == v)
        return;
    }
}

void
_mp_jw_init (MpJsonWriter *w)
{
  memset (w, 0, sizeof *w);
  w->out = g_string_new (NULL);
  w->depth = 0;
  w->levels[0].is_array = TRUE;   /* the root behaves as a one-element array */
}

char *
_mp_jw_path (MpJsonWriter *w)
{
  GString *path = g_string_new (NULL);

  for (int i = 1; i <= w->depth; i++)
    {
      MpJsonWriterLevel *l = &w->levels[i];

      if (l->count == 0)
        break;
      if (l->is_array)
        g_string_append_printf (path, "[%u]", l->count - 1);
      else
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, l->key);
        }
    }

  return g_string_free (path, FALSE);
}

static void
w_newline (MpJsonWriter *w)
{
  g_string_append_c (w->out, '\n');
  for (int i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
w_escape (GString    *out,
          const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* Starts a value: separator, layout and key. */
static void
w_key (MpJsonWriter *w,
       const char   *key)
{
  MpJsonWriterLevel *l = &w->levels[w->depth];

  if (w->depth > 0)
    {
      if (l->count > 0)
        g_string_append_c (w->out, ',');
      if (l->inline_)
        {
          if (l->count > 0)
            g_string_append_c (w->out, ' ');
        }
      else
        w_newline (w);
    }
  l->count++;
  l->key = key;

  if (!l->is_array)
    {
      w_escape (w->out, key);
      g_string_append (w->out, ": ");
    }
}

void
_mp_jw_begin (MpJsonWriter *w,
              const char   *key,
              gboolean      is_array,
              gboolean      inline_)
{
  MpJsonWriterLevel *l;

  g_assert (w->depth + 1 < MP_JSON_WRITER_MAX_DEPTH);

  w_key (w, key);
  g_string_append_c (w->out, is_array ? '[' : '{');
  w->depth++;
  l = &w->levels[w->depth];
  l->is_array = is_array;
  l->inline_ = inline_ || w->levels[w->depth - 1].inline_;
  l->count = 0;
  l->key = NULL;
}

void
_mp_jw_end (MpJsonWriter *w)
{
  MpJsonWriterLevel *l = &w->levels[w->depth];
  gboolean is_array = l->is_array;
  gboolean had = l->count > 0;
  gboolean inline_ = l->inline_;

  w->depth--;
  if (had && !inline_)
    w_newline (w);
  g_string_append_c (w->out, is_array ? ']' : '}');
}

void
_mp_jw_string (MpJsonWriter *w,
               const char   *key,
               const char   *s)
{
  w_key (w, key);
  if (s == NULL)
    g_string_append (w->out, "null");
  else
    w_escape (w->out, s);
}

void
_mp_jw_bool (MpJsonWriter *w,
             const char   *key,
             gboolean      v)
{
  w_key (w, key);
  g_string_append (w->out, v ? "true" : "false");
}

void
_mp_jw_int (MpJsonWriter *w,
            const char   *key,
            gint64        v)
{
  w_key (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, v);
}

void
_mp_jw_uint64 (MpJsonWriter *w,
               const char   *key,
               guint64       v)
{
  w_key (w, key);
  g_string_append_printf (w->out, "%" G_GUINT64_FORMAT, v);
}

void
_mp_jw_null (MpJsonWriter *w,
             const char   *key)
{
  w_key (w, key);
  g_string_append (w->out, "null");
}

/* A number; @null_if_nan writes NaN as null, otherwise a non-finite value is
 * an error (JSON has no NaN or Infinity). */
static void
w_number_full (MpJsonWriter *w,
               const char   *key,
               double        v,
               gboolean      null_if_nan)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  w_key (w, key);
  if (!isfinite (v))
    {
      g_string_append (w->out, "null");
      if (!(null_if_nan && isnan (v)) && w->error == NULL)
        {
          g_autofree char *path = _mp_jw_path (w);
          g_autofree char *n = mp_field_format_number (v);

          g_set_error (&w->error, MP_JSON_ERROR, MP_JSON_ERROR_INVALID,
                       _("%s: %s is not a finite number; JSON can only hold finite numbers"),
                       path, n);
        }
      return;
    }

  format_double (buf, sizeof buf, v);
  g_string_append (w->out, buf);
}

void
_mp_jw_number (MpJsonWriter *w,
               const char   *key,
               double        v)
{
  w_number_full (w, key, v, FALSE);
}

void
_mp_jw_number_or_null (MpJsonWriter *w,
                       const char   *key,
                       double        v)
{
  w_number_full (w, key, v, TRUE);
}

char *
_mp_jw_finish (MpJsonWriter  *w,
               GError       **error)
{
  if (w->error != NULL)
    {
      g_propagate_error (error, w->error);
      g_string_free (w->out, TRUE);
      return NULL;
    }

  g_string_append_c (w->out, '\n');
  return g_string_free (w->out, FALSE);
}

void
_mp_jw_strv (MpJsonWriter       *w,
             const char         *key,
             const char * const *v)
{
  _mp_jw_begin (w, key, TRUE, TRUE);
  for (guint i = 0; v != NULL && v[i] != NULL; i++)
    _mp_jw_string (w, NULL, v[i]);
  _mp_jw_end (w);
}

