/**
 * A {@code @FunctionService}: a {@code java.util.function.Function} called once per input,
 * between an enter and an exit hook.
 */
package dev.lifecycle.examples.function;
