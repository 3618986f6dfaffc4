/**
 * The model: immutable records of a validated service, its hooks, methods, web methods and
 * options, all the writers need and nothing of javac's element API.
 */
package dev.lifecycle.processor.model;
