/* mp-brief.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The negotiation brief (models/README.md, “The brief”): Excel workbooks
 * written with libxlsxwriter, for one package and as a comparison of
 * several.  mp_brief_export_package() and mp_brief_export_comparison() are
 * the whole export (evaluate, then write) that the application and the
 * command line share.
 *
 * GIO only: no xlsxwriter types in this header.
 */

#include <gio/gio.h>

#include "mp-types.h"
#include "mp-evaluation.h"

G_BEGIN_DECLS

#define MP_BRIEF_ERROR (mp_brief_error_quark ())

typedef enum
{
  MP_BRIEF_ERROR_INVALID,   /* bad input: language, number of packages, evaluation mismatch,
                             * a package that cannot be evaluated */
  MP_BRIEF_ERROR_IO,        /* the file could not be written (permissions, disk full, …) */
  MP_BRIEF_ERROR_FAILED,    /* libxlsxwriter refused the workbook */
} MpBriefError;

/* The comparison workbook takes this many packages. */
#define MP_BRIEF_MIN_COMPARE 2
#define MP_BRIEF_MAX_COMPARE 8

/* The number of draws of an export: each package's own. */
#define MP_BRIEF_PACKAGE_DRAWS (-1)

/**
 * MpBriefOptions:
 * @language: "en" or "nl" (the document language); %NULL means "en"
 * @date: the date printed on the brief and stored as the creation date; %NULL
 *   means today (local time)
 * @author: the author printed on the cover and stored in the document
 *   properties; %NULL for none
 *
 * The brief's texts (sheet names, headings, labels, notes, the model's
 * labels) are gettext messages translated into @language through the
 * thread language of mp-i18n.h, whatever the process locale is; writing is
 * thread-safe and leaves the thread's language as it was.  Texts an
 * evaluation made (finding messages) are in the language it ran in.
 */
typedef struct
{
  const char *language;
  GDateTime  *date;
  const char *author;
} MpBriefOptions;

GQuark        mp_brief_error_quark       (void);

gboolean      mp_brief_language_valid    (const char           *language);
const char   *mp_brief_language_default  (void);

gboolean      mp_brief_write             (const MpPackage      *pkg,
                                          const MpEvaluation   *eval,
                                          const MpReference    *ref,
                                          const MpBriefOptions *opts,
                                          const char           *path,
                                          GError              **error);

gboolean      mp_brief_write_comparison  (GPtrArray            *packages,
                                          GPtrArray            *evaluations,
                                          const MpReference    *ref,
                                          const MpBriefOptions *opts,
                                          const char           *path,
                                          GError              **error);

gboolean      mp_brief_export_package    (const MpPackage      *package,
                                          const MpReference    *reference,
                                          const MpBriefOptions *opts,
                                          int                   draws,
                                          const char           *path,
                                          GCancellable         *cancellable,
                                          MpProgressFunc        progress,
                                          gpointer              progress_data,
                                          GError              **error);

gboolean      mp_brief_export_comparison (GPtrArray            *packages,
                                          const MpReference    *reference,
                                          const MpBriefOptions *opts,
                                          int                   draws,
                                          const char           *path,
                                          GCancellable         *cancellable,
                                          MpProgressFunc        progress,
                                          gpointer              progress_data,
                                          GError              **error);

/* Exposed for tests: the text cleaning applied to every user string before
 * it is written (valid UTF-8, XML-safe, OOXML escapes kept literal, at most
 * 32,767 characters). */
char         *mp_brief_clean_text        (const char           *text);

G_END_DECLS
