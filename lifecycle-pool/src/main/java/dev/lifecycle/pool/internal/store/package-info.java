/**
 * The snapshot store: one directory per snapshot key, written under a lock, verified against its
 * manifest before every restore. Not an API.
 */
package dev.lifecycle.pool.internal.store;
