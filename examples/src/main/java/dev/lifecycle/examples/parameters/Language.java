package dev.lifecycle.examples.parameters;

/** The languages there are word lists for. */
public enum Language {
  ENGLISH,
  GERMAN
}
