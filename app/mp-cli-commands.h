/* mp-cli-commands.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mp-document.h"

G_BEGIN_DECLS

/* Exit statuses of mobility-planner-cli. */
#define MP_CLI_EXIT_OK      0
#define MP_CLI_EXIT_FAILURE 1
#define MP_CLI_EXIT_INVALID 2   /* invalid input: message on stderr */

/* A sub-command: argv[0] is the command name. Returns an exit status. */
typedef int (*MpCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char       *name;
  const char       *summary;   /* marked with N_ () for translation */
  MpCliCommandFunc  run;
} MpCliCommand;

/* Each mp-cli-<area>.c defines its commands. */
int mp_cli_evaluate          (int argc, char **argv);
int mp_cli_partners          (int argc, char **argv);
int mp_cli_import_indicators (int argc, char **argv);
int mp_cli_export_indicators (int argc, char **argv);
int mp_cli_new               (int argc, char **argv);
int mp_cli_import            (int argc, char **argv);
int mp_cli_export_json       (int argc, char **argv);
int mp_cli_list              (int argc, char **argv);
int mp_cli_edit              (int argc, char **argv);
int mp_cli_export_brief      (int argc, char **argv);
int mp_cli_compare           (int argc, char **argv);

/* Errors (mp-cli-error.c).  MP_CLI_ERROR_INVALID: invalid use or input that
 * the command line finds itself (no such file, an unknown package). */
#define MP_CLI_ERROR (mp_cli_error_quark ())

typedef enum
{
  MP_CLI_ERROR_INVALID,
} MpCliError;

GQuark mp_cli_error_quark         (void);
int    mp_cli_exit_code_for_error (const GError *error);
int    mp_cli_fail                (const GError *error);

/* Prints "mobility-planner-cli: <message>" on stderr. */
void mp_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* What the commands read (mp-cli-input.c): a document, or for evaluate,
 * export-brief and compare a document (.mplan) or a JSON package or bundle
 * file. */
typedef struct
{
  MpReference *reference;     /* the document's snapshot, or the shipped data
                               * with the partners and sectors the file embeds */
  GPtrArray   *packages;      /* MpPackage *: those asked for, in that order */
  GPtrArray   *evaluations;   /* MpEvaluation *, one a package, once evaluated */
} MpCliInput;

MpDocument *mp_cli_open_document (const char  *path,
                                  gboolean     for_writing,
                                  GError     **error);

gboolean mp_cli_input_load     (MpCliInput          *input,
                                const char          *path,
                                const char * const  *names,
                                GError             **error);
gboolean mp_cli_input_evaluate (MpCliInput          *input,
                                gint64               draws,
                                const guint64       *seed,
                                GError             **error);
void     mp_cli_input_clear    (MpCliInput          *input);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MpCliInput, mp_cli_input_clear)

G_END_DECLS
