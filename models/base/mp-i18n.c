/* mp-i18n.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-i18n"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mp-i18n.h"

/* The language a thread asked for (NULL: the process's, through gettext). */
static GPrivate thread_language = G_PRIVATE_INIT (g_free);

/* Catalogues loaded for explicit languages: language → GHashTable of
 * msgid → translation (plural translations hold their forms NUL-separated).
 * Loaded once, never changed afterwards, so lookups need no lock. */
static GMutex catalogues_lock;
static GHashTable *catalogues;

typedef struct
{
  GBytes     *bytes;
  GHashTable *messages;   /* borrowed strings inside bytes */
} Catalogue;

static void
catalogue_free (gpointer data)
{
  Catalogue *c = data;

  g_hash_table_unref (c->messages);
  g_bytes_unref (c->bytes);
  g_free (c);
}

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Reads a GNU .mo file (magic, revision, count, table offsets; each table entry a
 * length and an offset of a NUL-terminated string).  Every offset is checked
 * against the file size: a damaged catalogue gives no translations, not a crash. */
static Catalogue *
catalogue_load (const char *language)
{
  const char *dir = g_getenv ("MP_LOCALEDIR") != NULL ? g_getenv ("MP_LOCALEDIR") : LOCALEDIR;
  g_autofree char *path = g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  Catalogue *c = g_new0 (Catalogue, 1);
  g_autofree char *contents = NULL;
  const guint8 *data;
  gsize len = 0;
  gboolean swap;
  guint32 n, orig, trans;

  c->messages = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_file_get_contents (path, &contents, &len, NULL) || len < 28)
    return c;
  c->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  data = g_bytes_get_data (c->bytes, NULL);

  if (read_u32 (data, FALSE) == 0x950412de)
    swap = FALSE;
  else if (read_u32 (data, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return c;

  n = read_u32 (data + 8, swap);
  orig = read_u32 (data + 12, swap);
  trans = read_u32 (data + 16, swap);
  if (orig > len || trans > len || n > (len - orig) / 8 || n > (len - trans) / 8)
    return c;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data + orig + 8 * i, swap);
      guint32 ooff = read_u32 (data + orig + 8 * i + 4, swap);
      guint32 tlen = read_u32 (data + trans + 8 * i, swap);
      guint32 toff = read_u32 (data + trans + 8 * i + 4, swap);

      if (ooff > len || olen >= len - ooff || toff > len || tlen >= len - toff ||
          data[ooff + olen] != '\0' || data[toff + tlen] != '\0' || olen == 0)
        continue;
      /* A plural entry must carry a second form after the first NUL. */
      if (memchr (data + ooff, '\0', olen) != NULL && memchr (data + toff, '\0', tlen) == NULL)
        continue;
      /* The key of a plural entry is its singular, up to the first NUL. */
      g_hash_table_insert (c->messages, (char *) data + ooff, (char *) data + toff);
    }

  return c;
}

static GHashTable *
get_messages (const char *language)
{
  Catalogue *c;

  g_mutex_lock (&catalogues_lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, catalogue_free);
  c = g_hash_table_lookup (catalogues, language);
  if (c == NULL)
    {
      c = catalogue_load (language);
      g_hash_table_insert (catalogues, g_strdup (language), c);
    }
  g_mutex_unlock (&catalogues_lock);

  return c->messages;
}

/**
 * mp_i18n_set_thread_language:
 * @language: (nullable): a language code such as "nl" or "en", or %NULL for
 *   the process's language
 *
 * Makes the model's texts produced in the calling thread use @language.
 * "en" means the untranslated texts.  Reset it with %NULL before the thread
 * goes back to a pool.
 */
void
mp_i18n_set_thread_language (const char *language)
{
  g_private_replace (&thread_language, g_strdup (language));
}

/**
 * mp_i18n_get_thread_language:
 *
 * Returns: (nullable): the language set for the calling thread, or %NULL
 */
const char *
mp_i18n_get_thread_language (void)
{
  return g_private_get (&thread_language);
}

/**
 * mp_gettext:
 * @msgid: the English text
 *
 * Returns: the translation into the calling thread's language, if one is set,
 *   else into the process's language
 */
const char *
mp_gettext (const char *msgid)
{
  const char *language = g_private_get (&thread_language);
  const char *translation;

  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (g_str_equal (language, "en") || msgid == NULL || *msgid == '\0')
    return msgid;

  translation = g_hash_table_lookup (get_messages (language), msgid);
  return translation != NULL && *translation != '\0' ? translation : msgid;
}

/**
 * mp_ngettext:
 * @msgid: the English singular
 * @msgid_plural: the English plural
 * @n: the number the text is about
 *
 * Like mp_gettext() for a text with a plural.  An explicit thread language
 * uses the rule of English and Dutch (singular for 1), the only languages the
 * application ships.
 *
 * Returns: the text for @n
 */
const char *
mp_ngettext (const char *msgid,
             const char *msgid_plural,
             gulong      n)
{
  const char *language = g_private_get (&thread_language);
  const char *translation;

  if (language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (g_str_equal (language, "en"))
    return n == 1 ? msgid : msgid_plural;

  translation = g_hash_table_lookup (get_messages (language), msgid);
  if (translation == NULL || *translation == '\0')
    return n == 1 ? msgid : msgid_plural;
  /* Forms are NUL-separated: the second one follows the first's NUL. */
  return n == 1 ? translation : translation + strlen (translation) + 1;
}

/**
 * mp_pgettext:
 * @msgctxtid: the context, a U+0004 character and the English text, as the
 *   C_ macro of mp-i18n.h joins them
 * @msgidoffset: where the English text starts in @msgctxtid
 *
 * Like mp_gettext() for a text with a context (g_dpgettext() for the calling
 * thread's language).
 *
 * Returns: the translation, or the English text without its context
 */
const char *
mp_pgettext (const char *msgctxtid,
             gsize       msgidoffset)
{
  const char *translation = mp_gettext (msgctxtid);

  return translation == msgctxtid ? msgctxtid + msgidoffset : translation;
}
