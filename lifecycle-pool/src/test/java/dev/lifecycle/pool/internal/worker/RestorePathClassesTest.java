package dev.lifecycle.pool.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The classes the worker loads before its checkpoint are named as strings (most are private to
 * their packages): each name must still name a class, or a rename would quietly leave it to every
 * clone to load after its restore.
 */
class RestorePathClassesTest {

  @Test
  void everyNameNamesAClassOfTheWorkersClassPath() {
    ClassLoader loader = RestorePathClasses.class.getClassLoader();
    assertThat(RestorePathClasses.names()).isNotEmpty().doesNotHaveDuplicates();
    for (String name : RestorePathClasses.names()) {
      assertThatCode(() -> Class.forName(name, false, loader)).as(name).doesNotThrowAnyException();
    }
  }
}
