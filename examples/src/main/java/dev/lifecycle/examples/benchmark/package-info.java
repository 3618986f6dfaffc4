/**
 * The benchmark behind {@code docs/benchmarks.md} ({@code scripts/benchmark.sh}): cold starts
 * against restores of the sentiment model and of an index-building service, clones at once,
 * scale-up, warm calls, image sizes against the live heap, and the web round trip.
 */
package dev.lifecycle.examples.benchmark;
