/**
 * The web forms: {@code @WebEndpoint}s with JSON bodies, a whole {@code @WebApp}, and a
 * {@code @WebServer} that starts its own server.
 */
package dev.lifecycle.examples.web;
