package dev.lifecycle.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Fills {@link LifecycleInject} fields. */
final class FieldInjector {

  private FieldInjector() {}

  static void injectStatic(Class<?> testClass, Started started, Class<?> serviceClass) {
    inject(testClass, null, started, serviceClass);
  }

  static void injectInstance(Object testInstance, Started started, Class<?> serviceClass) {
    inject(testInstance.getClass(), testInstance, started, serviceClass);
  }

  private static void inject(Class<?> testClass, Object instance, Started started, Class<?> serviceClass) {
    for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(field.getModifiers());
        if (!field.isAnnotationPresent(LifecycleInject.class) || isStatic != (instance == null)) {
          continue;
        }
        if (Modifier.isFinal(field.getModifiers())
            || !Injectable.supports(field.getGenericType(), serviceClass)) {
          throw new ExtensionConfigurationException(
              "@LifecycleInject field " + type.getName() + "." + field.getName() + " must be "
                  + "non-final and of type " + serviceClass.getName() + " (or a supertype), "
                  + "Container<" + serviceClass.getSimpleName() + "> or Timeline.");
        }
        try {
          field.setAccessible(true);
          field.set(instance, Injectable.value(field.getType(), started));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new ExtensionConfigurationException(
              "Cannot set @LifecycleInject field " + type.getName() + "." + field.getName(), e);
        }
      }
    }
  }
}
