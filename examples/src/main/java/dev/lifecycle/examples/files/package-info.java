/**
 * A file processor whose working directory an enter hook creates and an exit hook removes,
 * with uploads spooled to disk in between.
 */
package dev.lifecycle.examples.files;
