/**
 * The pool's one web address, which forwards each request to a container as an input. Not an
 * API.
 */
package dev.lifecycle.pool.internal.web;
