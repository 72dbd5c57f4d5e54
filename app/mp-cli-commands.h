/* mp-cli-commands.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

/* Prints "mobility-planner-cli: <message>" on stderr. */
void mp_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
