package dev.lifecycle.junit;

import dev.lifecycle.runtime.Container;
import dev.lifecycle.runtime.Timeline;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;

/** Which parameter and field types the extension fills, and with what. */
final class Injectable {

  private Injectable() {}

  static boolean supports(Type type, Class<?> serviceClass) {
    Class<?> raw = raw(type);
    if (raw == Container.class) {
      return !(type instanceof ParameterizedType parameterized)
          || parameterized.getActualTypeArguments()[0] instanceof WildcardType
          || parameterized.getActualTypeArguments()[0] == serviceClass;
    }
    return raw == Timeline.class || (raw != Object.class && raw != null && raw.isAssignableFrom(serviceClass));
  }

  static Object value(Class<?> type, Started started) {
    if (type == Container.class) {
      return started.container();
    }
    if (type == Timeline.class) {
      return started.timeline();
    }
    return started.container().instance();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> plain) {
      return plain;
    }
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> plain) {
      return plain;
    }
    return null;
  }
}
