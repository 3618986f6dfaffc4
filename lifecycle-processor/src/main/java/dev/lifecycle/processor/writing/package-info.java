/**
 * Writing: generates each service's dispatcher from its model, with the runtime SPI types named by
 * class, and writes it as a reproducible source file.
 */
package dev.lifecycle.processor.writing;
