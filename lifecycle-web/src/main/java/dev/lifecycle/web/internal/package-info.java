/**
 * A container's web frontend on the JDK's HTTP server: routing, JSON mapping of parameters and
 * results, error answers. Found by the runtime through ServiceLoader; not an API.
 */
package dev.lifecycle.web.internal;
