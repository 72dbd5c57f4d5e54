/* mp-cli-error.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-cli"

#include "config.h"

#include <gio/gio.h>

#include "mp-brief.h"
#include "mp-cli-commands.h"
#include "mp-document.h"
#include "mp-evaluation.h"
#include "mp-json.h"
#include "mp-reference.h"

/* How every command reports an error: one message on stderr, and the exit
 * status README promises — 2 for invalid input or a damaged file, 1 for
 * other failures. */

G_DEFINE_QUARK (mp-cli-error-quark, mp_cli_error)

void
mp_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("mobility-planner-cli: %s\n", message);
}

static int
document_exit_code (MpDocumentError code)
{
  switch (code)
    {
    case MP_DOCUMENT_ERROR_NOT_FOUND:
    case MP_DOCUMENT_ERROR_EXISTS:
    case MP_DOCUMENT_ERROR_NOT_SQLITE:
    case MP_DOCUMENT_ERROR_CORRUPT:
    case MP_DOCUMENT_ERROR_FOREIGN:
    case MP_DOCUMENT_ERROR_NEWER_VERSION:
    case MP_DOCUMENT_ERROR_UNEXPECTED_SCHEMA:
    case MP_DOCUMENT_ERROR_INVALID:
      return MP_CLI_EXIT_INVALID;
    case MP_DOCUMENT_ERROR_FAILED:
    case MP_DOCUMENT_ERROR_READ_ONLY:
    case MP_DOCUMENT_ERROR_NOTHING_TO_UNDO:
    default:
      return MP_CLI_EXIT_FAILURE;
    }
}

static int
reference_exit_code (MpReferenceError code)
{
  switch (code)
    {
    case MP_REFERENCE_ERROR_TOO_LARGE:
    case MP_REFERENCE_ERROR_ENCODING:
    case MP_REFERENCE_ERROR_HEADER:
    case MP_REFERENCE_ERROR_SYNTAX:
    case MP_REFERENCE_ERROR_VALUE:
    case MP_REFERENCE_ERROR_UNKNOWN_PARTNER:
    case MP_REFERENCE_ERROR_UNKNOWN_INDICATOR:
    case MP_REFERENCE_ERROR_DUPLICATE:
      return MP_CLI_EXIT_INVALID;     /* a CSV file that breaks a rule */
    case MP_REFERENCE_ERROR_STALE:    /* the document changed meanwhile */
    case MP_REFERENCE_ERROR_DATA:     /* the shipped data is broken */
    default:
      return MP_CLI_EXIT_FAILURE;
    }
}

/**
 * mp_cli_exit_code_for_error:
 * @error: (nullable): what went wrong
 *
 * The exit status for @error: #MP_CLI_EXIT_INVALID for invalid input — bad
 * options, a package the file does not hold, a JSON or CSV file that breaks
 * a rule, a damaged or foreign document or one of a newer version, a package
 * that cannot be evaluated, a named file that does not exist or is not a
 * regular file — and #MP_CLI_EXIT_FAILURE for everything else (I/O errors, a
 * full disk, a locked document).
 *
 * Returns: the exit status, #MP_CLI_EXIT_OK when @error is %NULL
 */
int
mp_cli_exit_code_for_error (const GError *error)
{
  if (error == NULL)
    return MP_CLI_EXIT_OK;

  if (error->domain == MP_CLI_ERROR || error->domain == G_OPTION_ERROR ||
      error->domain == MP_EVALUATION_ERROR)
    return MP_CLI_EXIT_INVALID;
  if (error->domain == MP_JSON_ERROR)
    return error->code == MP_JSON_ERROR_IO ? MP_CLI_EXIT_FAILURE : MP_CLI_EXIT_INVALID;
  if (error->domain == MP_DOCUMENT_ERROR)
    return document_exit_code ((MpDocumentError) error->code);
  if (error->domain == MP_REFERENCE_ERROR)
    return reference_exit_code ((MpReferenceError) error->code);
  if (error->domain == MP_BRIEF_ERROR)
    return error->code == MP_BRIEF_ERROR_INVALID ? MP_CLI_EXIT_INVALID : MP_CLI_EXIT_FAILURE;
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    return MP_CLI_EXIT_INVALID;

  return MP_CLI_EXIT_FAILURE;
}

/**
 * mp_cli_fail:
 * @error: what went wrong
 *
 * Prints the message of @error on stderr.
 *
 * Returns: the exit status for @error (mp_cli_exit_code_for_error())
 */
int
mp_cli_fail (const GError *error)
{
  g_return_val_if_fail (error != NULL, MP_CLI_EXIT_FAILURE);

  mp_cli_error ("%s", error->message);
  return mp_cli_exit_code_for_error (error);
}
