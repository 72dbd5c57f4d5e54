/* mp-json.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The JSON exchange format of packages and of evaluations.
 *
 * The format is documented in data/JSON-FORMAT.md and described by the
 * JSON Schema data/mp-package.schema.json.  A file holds either one package
 * (a package object, optionally tagged "format": "mobility-planner-package")
 * or a bundle ("format": "mobility-planner-packages") with several packages
 * and, optionally, the partners and sectors they use.
 *
 * Reading is strict: input that is not well-formed JSON, that has unknown
 * fields, wrong types, out-of-range or non-finite values, unknown partner or
 * sector codes, empty names or absurd sizes is refused with an MP_JSON_ERROR
 * whose message names the field path (e.g. "packages[0].schemes[2].months"),
 * the value and the rule.  Nothing is clamped or dropped silently.  The
 * ranges and lengths are those of the field table (mp-field-rules.h); the
 * checks on whole packages are the validator's (mp-validate.h).
 */

#include <gio/gio.h>

#include "mp-types.h"
#include "mp-evaluation.h"
#include "mp-field-rules.h"
#include "mp-validate.h"

G_BEGIN_DECLS

#define MP_JSON_ERROR (mp_json_error_quark ())

typedef enum
{
  MP_JSON_ERROR_PARSE,             /* not well-formed JSON, not UTF-8, bad number literal, duplicate key */
  MP_JSON_ERROR_TOO_LARGE,         /* file, nesting, count or string length over a limit */
  MP_JSON_ERROR_FORMAT,            /* not a package file, or an unsupported version */
  MP_JSON_ERROR_INVALID,           /* wrong type, missing or unknown field, value out of range */
  MP_JSON_ERROR_UNKNOWN_REFERENCE, /* unknown partner, sector or scheme */
  MP_JSON_ERROR_IO,                /* the file could not be read */
} MpJsonError;

/* Identifiers and limits of the format (see data/JSON-FORMAT.md). */
#define MP_JSON_FORMAT_BUNDLE      "mobility-planner-packages"
#define MP_JSON_FORMAT_PACKAGE     "mobility-planner-package"
#define MP_JSON_FORMAT_EVALUATION  "mobility-planner-evaluation"
#define MP_JSON_FORMAT_EVALUATIONS "mobility-planner-evaluations"
#define MP_JSON_VERSION            1

#define MP_JSON_MAX_FILE_SIZE      (64 * 1024 * 1024)  /* bytes */
#define MP_JSON_MAX_DEPTH          5                   /* nested arrays/objects */
#define MP_JSON_MAX_PACKAGES       1000
#define MP_JSON_MAX_REFERENCE      1000                /* partners, sectors in a bundle */
#define MP_JSON_MAX_ITEMS          MP_VALIDATE_MAX_ITEMS     /* schemes, offers, asks, tranches per package */
#define MP_JSON_MAX_PARTNERS       MP_VALIDATE_MAX_PARTNERS  /* partners of one package */

/* The limits of fields are rows of the field table (mp-field-rules.h); these
 * names read them for the callers that print or compare them. */
#define MP_JSON_MAX_NAME     ((int) mp_field_rule (MP_FIELD_NAME)->max)           /* characters */
#define MP_JSON_MAX_TEXT     ((int) mp_field_rule (MP_FIELD_TEXT)->max)           /* characters */
#define MP_JSON_MAX_QUOTA    (mp_field_rule (MP_FIELD_SCHEME_QUOTA)->max)         /* admissions a year */
#define MP_JSON_MAX_HORIZON  ((int) mp_field_rule (MP_FIELD_PACKAGE_HORIZON)->max) /* years */
#define MP_JSON_MAX_DRAWS    ((int) mp_field_rule (MP_FIELD_PACKAGE_DRAWS)->max)

GQuark       mp_json_error_quark          (void);

GPtrArray   *mp_json_read_packages        (const char         *data,
                                           gssize              len,
                                           const MpReference  *reference,
                                           MpReference       **embedded_out,
                                           GError            **error);
GPtrArray   *mp_json_read_packages_file   (const char         *path,
                                           const MpReference  *reference,
                                           MpReference       **embedded_out,
                                           GError            **error);

gboolean     mp_json_validate_package     (const MpPackage    *package,
                                           const MpReference  *reference,
                                           const char         *path,
                                           GError            **error);

MpReference *mp_json_merge_reference      (const MpReference  *reference,
                                           const MpReference  *embedded);

char        *mp_json_write_packages       (GPtrArray          *packages,
                                           const MpReference  *embed_or_null,
                                           GError            **error);
char        *mp_json_write_package        (const MpPackage    *package,
                                           GError            **error);

char        *mp_json_write_evaluation     (const MpPackage    *package,
                                           const MpEvaluation *evaluation,
                                           GError            **error);
char        *mp_json_write_evaluations    (GPtrArray          *packages,
                                           GPtrArray          *evaluations,
                                           GError            **error);

G_END_DECLS
