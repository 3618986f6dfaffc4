/**
 * lifecycle-web's one public type, {@link dev.lifecycle.web.LifecycleWeb}: the marker the annotation
 * processor looks for. Everything that serves HTTP is in {@code dev.lifecycle.web.internal}.
 */
package dev.lifecycle.web;
