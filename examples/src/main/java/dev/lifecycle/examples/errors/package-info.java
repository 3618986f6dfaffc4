/**
 * Failures: a start that fails in its second enter hook still runs the exit hooks, and exit
 * hooks that clean up even when one of them throws.
 */
package dev.lifecycle.examples.errors;
