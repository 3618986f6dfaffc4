/**
 * The runtime's internals: the phase engine written once for every container, inputs, stops,
 * failure messages, and the seam lifecycle-web plugs into. Public for Lifecycle's own artifacts only.
 */
package dev.lifecycle.runtime.internal;
