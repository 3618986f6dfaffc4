/**
 * The supervisor-worker protocol: length-prefixed JSON messages of a closed set of types, and the
 * conversion of arguments and results to declared types. Not an API.
 */
package dev.lifecycle.pool.internal.protocol;
