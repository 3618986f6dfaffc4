/**
 * Diagnostics: the catalogue of messages, the reports rules fill, where each finding is placed, and
 * how reports are printed, each finding once.
 */
package dev.lifecycle.processor.diagnostics;
