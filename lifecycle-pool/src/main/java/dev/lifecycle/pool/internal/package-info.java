/**
 * The pool's internals, by concern in the packages below; {@code PoolConfig} here is what the
 * builder collected, shared by all of them. Not an API.
 */
package dev.lifecycle.pool.internal;
