package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of glibc's mapped blocks in a page image: every page that starts as such a block's
 * header, nothing else, for each {@code pages-<id>.img}.
 */
class MallocBlockIndexTest {

  private static final int PAGE = 4096;
  private static final long MMAPPED = 2;

  @TempDir Path dir;

  @Test
  void listsThePagesThatStartAsABlockGlibcMapped() throws IOException {
    ByteBuffer pages = pages(8);
    header(pages, 1, 0, 40L * 1024 * 1024 + PAGE | MMAPPED);
    header(pages, 3, 0, 2L * PAGE | MMAPPED);
    header(pages, 4, 16, 2L * PAGE | MMAPPED); // an offset to a previous block: not mapped
    header(pages, 5, 0, 2L * PAGE | MMAPPED | 1); // in use by its neighbour: an arena's block
    header(pages, 6, 0, 2L * PAGE + 16 | MMAPPED); // not whole pages
    header(pages, 7, 0, PAGE | MMAPPED); // one page: never mapped on its own
    Files.write(dir.resolve("pages-1.img"), pages.array());

    MallocBlockIndex.writeTo(dir);

    assertThat(offsets(dir.resolve("lifecycle-malloc-blocks-1.img"))).containsExactly(1L * PAGE, 3L * PAGE);
  }

  /** The image is read a chunk at a time: offsets past the first chunk are the file's own. */
  @Test
  void listsBlocksAtTheirOffsetsInTheFileWhereverTheReadsSplitIt() throws IOException {
    ByteBuffer pages = pages(700);
    header(pages, 255, 0, 2L * PAGE | MMAPPED);
    header(pages, 256, 0, 2L * PAGE | MMAPPED);
    header(pages, 699, 0, 2L * PAGE | MMAPPED);
    Files.write(dir.resolve("pages-1.img"), pages.array());

    MallocBlockIndex.writeTo(dir);

    assertThat(offsets(dir.resolve("lifecycle-malloc-blocks-1.img")))
        .containsExactly(255L * PAGE, 256L * PAGE, 699L * PAGE);
  }

  @Test
  void writesAListForEveryPageImageAndAnEmptyOneForNone() throws IOException {
    ByteBuffer second = pages(2);
    header(second, 0, 0, 3L * PAGE | MMAPPED);
    Files.write(dir.resolve("pages-1.img"), pages(3).array());
    Files.write(dir.resolve("pages-2.img"), second.array());
    Files.write(dir.resolve("pagemap-1.img"), second.array());

    MallocBlockIndex.writeTo(dir);

    assertThat(offsets(dir.resolve("lifecycle-malloc-blocks-1.img"))).isEmpty();
    assertThat(offsets(dir.resolve("lifecycle-malloc-blocks-2.img"))).containsExactly(0L);
    try (var files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith(MallocBlockIndex.FILE_PREFIX)))
          .containsExactlyInAnyOrder("lifecycle-malloc-blocks-1.img", "lifecycle-malloc-blocks-2.img");
    }
  }

  /** {@code count} pages of bytes that are not zero, so that no page looks like a header by chance. */
  private static ByteBuffer pages(int count) {
    ByteBuffer pages = ByteBuffer.allocate(count * PAGE).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < pages.capacity(); i += Long.BYTES) {
      pages.putLong(i, 0x5a5a5a5a5a5a5a5aL);
    }
    return pages;
  }

  private static void header(ByteBuffer pages, int page, long previousSize, long sizeAndFlags) {
    pages.putLong(page * PAGE, previousSize);
    pages.putLong(page * PAGE + Long.BYTES, sizeAndFlags);
  }

  private static List<Long> offsets(Path list) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(list)).order(ByteOrder.LITTLE_ENDIAN);
    List<Long> offsets = new ArrayList<>();
    while (bytes.remaining() >= Long.BYTES) {
      offsets.add(bytes.getLong());
    }
    assertThat(bytes.remaining()).as("bytes after the last whole offset").isZero();
    return offsets;
  }
}
