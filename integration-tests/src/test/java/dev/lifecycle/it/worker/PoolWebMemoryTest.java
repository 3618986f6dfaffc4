package dev.lifecycle.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's web address holds a bounded amount of request bodies, not as many as arrive: eight
 * chunked 70 MB uploads at once, to a supervisor with a 256 MB heap, each get an answer (413, over
 * the body limit, or 503, over the budget), nothing runs out of memory, and the pool serves on.
 */
@ExtendWith(NoStrayWorkers.class)
class PoolWebMemoryTest {

  private static final long UPLOAD_BYTES = 70L * 1000 * 1000;

  @TempDir Path dir;

  @Test
  void eightLargeUploadsAtOnceAreAllAnsweredWithinABoundedHeap() throws Exception {
    try (SupervisorJvm supervisor = SupervisorJvm.start(WebPoolMain.class, List.of("-Xmx256m"),
        List.of(dir.toString()), Map.of())) {
      URI web = URI.create(supervisor.awaitLineStartingWith("WEB ", Workers.GENEROUS)
          .substring("WEB ".length()));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      List<CompletableFuture<Integer>> uploads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        HttpRequest upload = HttpRequest.newBuilder(web.resolve("/upload/" + i))
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(UPLOAD_BYTES)))
            .build();
        uploads.add(client.sendAsync(upload, HttpResponse.BodyHandlers.discarding())
            .thenApply(HttpResponse::statusCode));
      }
      // Meanwhile, a small request gets through.
      HttpResponse<String> small = client.send(HttpRequest.newBuilder(web.resolve("/small"))
          .POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
          HttpResponse.BodyHandlers.ofString());
      List<Integer> statuses = uploads.stream().map(CompletableFuture::join).toList();

      assertThat(statuses).as(supervisor.output()).allMatch(s -> s == 413 || s == 503)
          .contains(413);
      assertThat(small.statusCode()).isEqualTo(201);
      assertThat(supervisor.output()).doesNotContain("OutOfMemoryError");
    }
  }

  /** {@code length} zero bytes, made as they are read. */
  private static final class Zeros extends InputStream {
    private long left;

    Zeros(long length) {
      this.left = length;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
