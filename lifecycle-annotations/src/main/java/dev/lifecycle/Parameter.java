package dev.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a service that each container (or pool) sets from its configuration, so that one
 * class serves several configurations: {@code parameter("size", "large")} on a {@code
 * ContainerBuilder} or a {@code ContainerPoolBuilder}.
 *
 * <p>The parameter's name is the field's name. Its type is {@code String}, a primitive, a
 * primitive's box or an enum; values are given as text and converted strictly: {@code boolean}
 * takes {@code true} or {@code false} only, an enum the name of one of its constants, {@code char}
 * exactly one character, the whole-number types a plain decimal number in their range ({@code
 * -12}, {@code +2}, {@code 02}), {@code float} and {@code double} a plain decimal number their type
 * holds ({@code 0.5}, {@code -1.5e3}; no {@code NaN}, {@code Infinity}, hexadecimal or suffix). No
 * type but {@code String} takes surrounding spaces.
 *
 * <p>The container sets every given parameter right after the no-argument constructor and before
 * any hook, so every hook sees it, the {@code @Enter(snap = true)} hooks included. A parameter
 * that is not given keeps the value the field's initialiser or the constructor gave it: that is
 * its default. A parameter with {@code required = true} has no default: a container or pool
 * without a value for it does not start. A name the service does not declare, or a value its type
 * does not take, is refused as well, before the constructor runs.
 *
 * <p>Parameters shape what the snap hooks build, so a memory snapshot holds them: each set of
 * parameter values has its own snapshot, and its values are in the image. Never make a secret a
 * parameter; read secrets after the snapshot (from {@code RestoreEnvironment}) instead.
 *
 * <p>The field must not be {@code static}, {@code final} or {@code private} (the generated
 * dispatcher sets it without reflection); the annotation processor checks all of this at compile
 * time.
 *
 * <pre>{@code
 * @Service(enableMemorySnapshot = true)
 * public class Model {
 *   @Parameter(required = true) Size size;   // SMALL or LARGE, set per pool
 *   @Parameter int threads = 4;              // 4 unless set
 *
 *   @Enter(snap = true) void load() { weights = Weights.load(size, threads); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Parameter {

  /**
   * Whether a container refuses to start without a value for this parameter. By default a
   * parameter is optional and keeps the field's initial value when not given.
   */
  boolean required() default false;
}
