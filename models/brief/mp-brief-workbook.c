/* mp-brief-workbook.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-brief"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mp-i18n.h"
#include "mp-brief-private.h"

/* The life cycle of a workbook and the negotiation brief of one package.
 *
 * A workbook is written to a temporary file next to the destination and
 * renamed over it only when workbook_close() succeeded; otherwise the
 * temporary file is removed and an existing file at the destination stays
 * untouched.  While it is written, the thread language is the brief's, so
 * that every gettext message in it is in the brief's language; error
 * messages are made in the caller's. */

G_DEFINE_QUARK (mp-brief-error-quark, mp_brief_error)

/* ---- Replacing a file -------------------------------------------------------- */

/* Creates the temporary file next to @path.  Returns its name. */
static char *
replace_begin (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  char *tmp = g_build_filename (dir, tmpl, NULL);
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO,
                   _("Cannot write the brief to “%s”: it is a folder"), path);
      g_free (tmp);
      return NULL;
    }

  fd = g_mkstemp_full (tmp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO,
                   _("Cannot write the brief to “%s”: %s"), path, g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  return tmp;
}

/* Moves @tmp over @path, or removes it when @written is %FALSE or the move
 * fails. */
static gboolean
replace_commit (const char  *tmp,
                const char  *path,
                gboolean     written,
                GError     **error)
{
  if (!written)
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO,
                   _("Cannot write the brief to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ---- Life cycle -------------------------------------------------------------- */

static void
book_clear (MpBriefBook *b)
{
  g_clear_pointer (&b->path, g_free);
  g_clear_pointer (&b->tmp, g_free);
  g_clear_pointer (&b->saved_language, g_free);
  g_clear_pointer (&b->date, g_date_time_unref);
  g_clear_pointer (&b->date_iso, g_free);
  g_clear_pointer (&b->author, g_free);
  g_clear_pointer (&b->header_name, g_free);
  g_clear_pointer (&b->ref_py_total, g_free);
  g_clear_pointer (&b->ref_cost_total, g_free);
  g_clear_pointer (&b->ref_fit, g_free);
  g_clear_pointer (&b->ref_nl, g_free);
  if (b->scratch != NULL)
    g_string_free (b->scratch, TRUE);
  b->scratch = NULL;
}

static void
restore_language (MpBriefBook *b)
{
  mp_i18n_set_thread_language (b->saved_language);
}

/* The language of @opts ("en" when they name none), or %NULL with @error
 * set when the brief cannot be written in it. */
const char *
_mp_brief_options_language (const MpBriefOptions  *opts,
                            GError               **error)
{
  const char *lang = opts != NULL && opts->language != NULL ? opts->language : "en";

  if (!mp_brief_language_valid (lang))
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                   _("Unknown brief language “%s”: use “en” or “nl”"), lang);
      return NULL;
    }
  return lang;
}

/* Checks the options, creates the temporary file next to @path and makes
 * the brief's language the thread's.  On failure, @b is cleared. */
gboolean
_mp_brief_book_begin (MpBriefBook           *b,
                      const MpBriefOptions  *opts,
                      const char            *path,
                      GError               **error)
{
  const char *lang = _mp_brief_options_language (opts, error);

  if (lang == NULL)
    return FALSE;
  b->tmp = replace_begin (path, error);
  if (b->tmp == NULL)
    return FALSE;
  b->path = g_strdup (path);
  b->saved_language = g_strdup (mp_i18n_get_thread_language ());
  mp_i18n_set_thread_language (lang);
  b->decimal_comma = g_str_equal (lang, "nl");
  b->date = opts != NULL && opts->date != NULL ? g_date_time_ref (opts->date) : g_date_time_new_now_local ();
  b->date_iso = g_date_time_format (b->date, "%Y-%m-%d");
  b->author = opts != NULL && opts->author != NULL ? _mp_brief_clean_line (opts->author, 200) : NULL;
  b->scratch = g_string_new (NULL);
  return TRUE;
}

/* Creates the workbook in the temporary file, with @header_text in the page
 * headers and @title and @subject in its properties.  On failure, the
 * temporary file is removed and @b is cleared. */
gboolean
_mp_brief_book_open (MpBriefBook  *b,
                     const char   *header_text,
                     const char   *title,
                     const char   *subject,
                     GError      **error)
{
  lxw_doc_properties props = { 0 };
  g_autofree char *comments = g_strdup_printf ("Mobility Planner %s", PACKAGE_VERSION);

  b->header_name = _mp_brief_escape_header (header_text);
  b->wb = workbook_new (b->tmp);
  if (b->wb == NULL)
    {
      restore_language (b);
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_FAILED,
                   _("Cannot create the workbook: %s"), lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      replace_commit (b->tmp, b->path, FALSE, NULL);
      book_clear (b);
      return FALSE;
    }
  props.title = (char *) title;
  props.subject = (char *) subject;
  props.author = b->author;
  props.comments = comments;
  props.created = (time_t) g_date_time_to_unix (b->date);
  _mp_brief_record (b, workbook_set_properties (b->wb, &props));
  _mp_brief_formats_init (b);
  return TRUE;
}

/* Gives the thread its language back, closes the workbook (always: that
 * frees it) and moves the file into place, or removes it.  Clears @b. */
gboolean
_mp_brief_book_end (MpBriefBook  *b,
                    GError      **error)
{
  lxw_error close_err;
  lxw_error err = b->err;
  gboolean ok;

  restore_language (b);
  close_err = workbook_close (b->wb);
  b->wb = NULL;
  if (err == LXW_NO_ERROR)
    err = close_err;

  if (err != LXW_NO_ERROR)
    {
      int saved = errno;
      gboolean io = err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE ||
                    err == LXW_ERROR_READING_TMPFILE || err == LXW_ERROR_ZIP_FILE_OPERATION ||
                    err == LXW_ERROR_ZIP_FILE_ADD || err == LXW_ERROR_ZIP_CLOSE ||
                    err == LXW_ERROR_ZIP_INTERNAL_ERROR;

      if (io && saved != 0)
        g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_IO,
                     _("Cannot write the brief to “%s”: %s (%s)"), b->path, lxw_strerror (err), g_strerror (saved));
      else
        g_set_error (error, MP_BRIEF_ERROR, io ? MP_BRIEF_ERROR_IO : MP_BRIEF_ERROR_FAILED,
                     _("Cannot write the brief to “%s”: %s"), b->path, lxw_strerror (err));
    }

  ok = replace_commit (b->tmp, b->path, err == LXW_NO_ERROR, error);
  book_clear (b);
  return ok;
}

/* ---- Public API -------------------------------------------------------------- */

/**
 * mp_brief_language_valid:
 * @language: a language code
 *
 * Returns: whether the brief can be written in @language ("en" or "nl").
 */
gboolean
mp_brief_language_valid (const char *language)
{
  return language != NULL && (g_str_equal (language, "en") || g_str_equal (language, "nl"));
}

/**
 * mp_brief_language_default:
 *
 * The brief language that matches the user's locale: "nl" when the message
 * language is Dutch, otherwise "en".
 *
 * Returns: (transfer none): "en" or "nl"
 */
const char *
mp_brief_language_default (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C"))
        break;
      if (g_str_has_prefix (names[i], "nl"))
        return "nl";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }
  return "en";
}

/**
 * mp_brief_write:
 * @pkg: the package
 * @eval: its evaluation (mp_evaluate(), optionally with
 *   mp_evaluation_run_uncertainty())
 * @ref: the reference data the evaluation used
 * @opts: (nullable): language, date and author
 * @path: the .xlsx file to write
 * @error: return location for an #MP_BRIEF_ERROR
 *
 * Writes the negotiation brief of one package: the sheets Brief (a one-page
 * cover), Offer, Projection, Scores, Safeguards, Uncertainty, Partner and
 * Assumptions, laid out for A4.  The texts the evaluation made (finding
 * messages) are in the language it ran in; mp_brief_export_package()
 * evaluates in the brief's language.
 *
 * The file appears at @path complete or not at all: it is written to a
 * temporary file in the same folder and renamed when done; on failure the
 * temporary file is removed and a file that was at @path is left as it was.
 *
 * Returns: %TRUE on success; %FALSE with @error set
 */
gboolean
mp_brief_write (const MpPackage       *pkg,
                const MpEvaluation    *eval,
                const MpReference     *ref,
                const MpBriefOptions  *opts,
                const char            *path,
                GError               **error)
{
  MpBriefBook b = { 0 };
  g_autoptr(MpBriefSheet) cover = NULL;
  g_autoptr(MpBriefSheet) offer = NULL;
  g_autoptr(MpBriefSheet) projection = NULL;
  g_autoptr(MpBriefSheet) scores = NULL;
  g_autoptr(MpBriefSheet) safeguards = NULL;
  g_autoptr(MpBriefSheet) uncertainty = NULL;
  g_autoptr(MpBriefSheet) partner = NULL;
  g_autoptr(MpBriefSheet) assumptions = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *name = NULL;
  g_autofree char *partners = NULL;

  g_return_val_if_fail (pkg != NULL, FALSE);
  g_return_val_if_fail (eval != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (eval->n_years < 0 || eval->n_sectors < 0 ||
      (eval->n_years > 0 && eval->total == NULL) ||
      (eval->n_sectors > 0 && (eval->by_sector == NULL || eval->sector_codes == NULL)) ||
      (pkg->schemes != NULL && eval->by_scheme != NULL && (guint) eval->n_schemes != pkg->schemes->len))
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_INVALID,
                   _("The evaluation does not belong to the package “%s”"), pkg->name != NULL ? pkg->name : "");
      return FALSE;
    }

  if (!_mp_brief_book_begin (&b, opts, path, error))
    return FALSE;

  name = _mp_brief_clean_line (pkg->name, 200);
  partners = _mp_brief_partners_text (pkg, ref);
  title = g_strdup_printf ("%s: %s", _("Negotiation brief"), name);
  subject = _mp_brief_clean_line (partners, 200);
  if (!_mp_brief_book_open (&b, pkg->name, title, subject, error))
    return FALSE;

  /* TRANSLATORS: the names of the sheets of a brief: at most 31 characters,
   * none of []:*?/\ */
  cover = _mp_brief_sheet_new (&b, C_("sheet name", "Brief"), FALSE);
  offer = _mp_brief_sheet_new (&b, C_("sheet name", "Offer"), TRUE);
  projection = _mp_brief_sheet_new (&b, C_("sheet name", "Projection"), TRUE);
  scores = _mp_brief_sheet_new (&b, C_("sheet name", "Scores"), FALSE);
  safeguards = _mp_brief_sheet_new (&b, C_("sheet name", "Safeguards"), TRUE);
  uncertainty = _mp_brief_sheet_new (&b, C_("sheet name", "Uncertainty"), FALSE);
  partner = _mp_brief_sheet_new (&b, C_("sheet name", "Partner"), TRUE);
  assumptions = _mp_brief_sheet_new (&b, C_("sheet name", "Assumptions"), TRUE);

  /* The sheets are made in reading order; the cover is written last
   * because it links to cells of the others. */
  if (b.err == LXW_NO_ERROR)
    {
      _mp_brief_write_offer (&b, offer, pkg, eval, ref);
      _mp_brief_write_projection (&b, projection, pkg, eval, ref);
      _mp_brief_write_scores (&b, scores, pkg, eval, ref);
      _mp_brief_write_safeguards (&b, safeguards, pkg, eval, ref);
      _mp_brief_write_uncertainty (&b, uncertainty, pkg, eval);
      _mp_brief_write_partner (&b, partner, pkg, ref);
      _mp_brief_write_assumptions (&b, assumptions, pkg);
      _mp_brief_write_cover (&b, cover, pkg, eval, ref);
      worksheet_activate (cover->ws);
    }

  return _mp_brief_book_end (&b, error);
}
