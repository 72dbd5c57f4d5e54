/* fuzz-common.h
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The entry points of the fuzz targets (tests/fuzz/fuzz-*.c).
 *
 * Each target is one function taking arbitrary bytes.  Built with
 * -Dfuzzing=true (clang, libFuzzer) each file also defines
 * LLVMFuzzerTestOneInput() calling it (MP_FUZZ_LIBFUZZER); built in the
 * normal suite, tests/test-fuzz-regressions.c calls the same functions on
 * every file of tests/fuzz/regressions/ and tests/fuzz/corpus/.
 *
 * A crash, a sanitizer report, a leak or a GLib warning or critical (made
 * fatal by mp_fuzz_init()) is a finding; an error returned through GError
 * is the expected answer to bad input. */

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

/* Makes warnings and criticals fatal, once. */
void               mp_fuzz_init         (void);
/* The shipped reference data, loaded once and never changed. */
const MpReference *mp_fuzz_reference    (void);
/* A private temporary folder of this process, removed at exit. */
const char        *mp_fuzz_tmpdir       (void);
/* Asserts that an error message about the input @data is fit for people:
 * valid UTF-8, no "(null)" (unless the input has it), no control characters
 * but newlines and tabs (no terminal escapes from the input). */
void               mp_fuzz_check_message (const char    *message,
                                          const uint8_t *data,
                                          size_t         size);

int mp_fuzz_json     (const uint8_t *data, size_t size);
int mp_fuzz_csv      (const uint8_t *data, size_t size);
int mp_fuzz_document (const uint8_t *data, size_t size);
int mp_fuzz_brief    (const uint8_t *data, size_t size);

#ifdef MP_FUZZ_LIBFUZZER
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MP_FUZZ_DEFINE_TARGET(func)                          \
  int                                                        \
  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)  \
  {                                                          \
    return func (data, size);                                \
  }
#else
#define MP_FUZZ_DEFINE_TARGET(func)
#endif

G_END_DECLS
