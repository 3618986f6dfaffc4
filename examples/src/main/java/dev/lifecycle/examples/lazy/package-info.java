/**
 * Lazy initialization: an expensive resource built by the first call that needs it instead of
 * an enter hook.
 */
package dev.lifecycle.examples.lazy;
