/**
 * The container boundary: how a call's arguments and result cross it ({@link
 * dev.lifecycle.runtime.boundary.CallEncoding}), for runtimes and test tools that put a container
 * behind one.
 */
package dev.lifecycle.runtime.boundary;
