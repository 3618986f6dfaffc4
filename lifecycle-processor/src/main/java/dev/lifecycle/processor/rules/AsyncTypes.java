package dev.lifecycle.processor.rules;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Return types that mean "the work goes on after the method returns". */
final class AsyncTypes {

  private static final List<Class<?>> ASYNC =
      List.of(Future.class, CompletionStage.class, Flow.Publisher.class);

  private final Types types;
  private final List<TypeMirror> erasures;

  AsyncTypes(Elements elements, Types types) {
    this.types = types;
    this.erasures =
        ASYNC.stream()
            .map(type -> elements.getTypeElement(type.getCanonicalName()))
            .map(type -> types.erasure(type.asType()))
            .toList();
  }

  /** Whether {@code returnType} is not void and is, or extends, an asynchronous type. */
  boolean isAsync(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.VOID) {
      return false;
    }
    TypeMirror erased = types.erasure(returnType);
    return erasures.stream().anyMatch(async -> types.isAssignable(erased, async));
  }
}
