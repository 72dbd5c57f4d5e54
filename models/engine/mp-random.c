/* mp-random.c
 *
 * Copyright 2026 The Mobility Planner authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mp-evaluation"

#include "config.h"

#include <math.h>

#include "mp-evaluation-private.h"

/* The random numbers of the Monte Carlo analysis (models/README.md,
 * “Uncertainty”): one xoshiro256** stream per draw, seeded through
 * splitmix64, and the inverse of the triangular distribution. */

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/**
 * _mp_rng_init:
 * @rng: a generator
 * @seed: the recorded seed
 * @stream: the stream (draw index)
 *
 * Seeds @rng for one draw.  Every (seed, stream) pair gives its own
 * reproducible xoshiro256** stream, so draws do not depend on their order or
 * on the number of threads.
 */
void
_mp_rng_init (MpRng   *rng,
              guint64  seed,
              guint64  stream)
{
  guint64 sm = seed;
  guint64 mixed = splitmix64 (&sm);

  sm = mixed ^ (stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));
  /* Discard one output so that nearby streams diverge at once. */
  splitmix64 (&sm);
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&sm);
}

/**
 * _mp_rng_next:
 * @rng: a generator
 *
 * Returns: the next 64 random bits (xoshiro256**)
 */
guint64
_mp_rng_next (MpRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/**
 * _mp_rng_uniform:
 * @rng: a generator
 *
 * Returns: a uniform double in [0, 1) with 53 random bits
 */
double
_mp_rng_uniform (MpRng *rng)
{
  return (double) (_mp_rng_next (rng) >> 11) * 0x1.0p-53;
}

/**
 * _mp_triangular_inverse:
 * @u: a probability in [0, 1]
 * @low: lower bound
 * @mode: most likely value
 * @high: upper bound
 *
 * Returns: the @u quantile of the triangular distribution (low, mode, high)
 */
double
_mp_triangular_inverse (double u,
                        double low,
                        double mode,
                        double high)
{
  double span = high - low;
  double fc;

  if (!(span > 0.0))
    return mode;

  fc = (mode - low) / span;
  if (u < fc)
    return low + sqrt (u * span * (mode - low));
  return high - sqrt ((1.0 - u) * span * (high - mode));
}
